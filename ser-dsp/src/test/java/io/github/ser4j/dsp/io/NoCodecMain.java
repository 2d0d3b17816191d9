package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.UnsupportedAudioException;
import java.nio.file.Path;

/** Run in a child JVM whose class path lacks the codecs: prints what AudioIO.read reports. */
final class NoCodecMain {
  private NoCodecMain() {}

  public static void main(String[] args) throws Exception {
    try {
      AudioIO.read(Path.of(args[0]));
      System.out.println("DECODED");
    } catch (UnsupportedAudioException e) {
      System.out.println("UNSUPPORTED " + e.getMessage());
    }
  }
}
