/**
 * SER4J ser-optim module (filled by a later issue; see docs/architecture.md).
 */
package io.github.ser4j.optim;
