package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.nio.file.Path;

/**
 * Loads each file given with {@link ResNet50Embedding#load(Path)} and prints one line per file:
 * {@code ok <format>} or {@code ModelException: <message>}. Run in a child JVM by
 * {@link KerasResNet50Test} with a class path without deeplearning4j-modelimport and HDF5.
 */
final class ResNet50EmbeddingProbe {
  private ResNet50EmbeddingProbe() {
  }

  public static void main(String[] args) {
    for (String file : args) {
      try {
        System.out.println("ok " + ResNet50Embedding.load(Path.of(file)).format());
      } catch (ModelException e) {
        System.out.println("ModelException: " + e.getMessage());
      }
    }
  }
}
