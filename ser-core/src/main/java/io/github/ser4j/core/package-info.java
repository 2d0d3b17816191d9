/**
 * SER4J ser-core module (filled by a later issue; see docs/architecture.md).
 */
package io.github.ser4j.core;
