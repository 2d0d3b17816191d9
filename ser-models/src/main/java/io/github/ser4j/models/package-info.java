/**
 * SER4J ser-models module (filled by a later issue; see docs/architecture.md).
 */
package io.github.ser4j.models;
