/**
 * SER4J ser-eval module (filled by a later issue; see docs/architecture.md).
 */
package io.github.ser4j.eval;
