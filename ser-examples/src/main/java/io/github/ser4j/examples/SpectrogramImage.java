package io.github.ser4j.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Renders a dB spectrogram (frames x bands) as a PNG heat map with a viridis-like colour map. */
final class SpectrogramImage {
  private static final int[][] VIRIDIS = {
    {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
    {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37},
  };

  private SpectrogramImage() {}

  static void write(double[][] db, double secondsPerFrame, String title, Path png) throws IOException {
    int frames = db.length;
    int bands = db[0].length;
    int cell = 6;
    int left = 60;
    int top = 36;
    int bottom = 40;
    int right = 90;
    int w = left + frames * cell + right;
    int cellH = Math.max(2, 256 / bands);
    int h = top + bands * cellH + bottom;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] r : db) {
      for (double v : r) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    for (int t = 0; t < frames; t++) {
      for (int b = 0; b < bands; b++) {
        g.setColor(colour((db[t][b] - min) / Math.max(1e-12, max - min)));
        g.fillRect(left + t * cell, top + (bands - 1 - b) * cellH, cell, cellH);
      }
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(left, top, frames * cell, bands * cellH);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    double seconds = frames * secondsPerFrame;
    for (double s = 0; s <= seconds + 1e-9; s += 0.5) {
      int x = left + (int) Math.round(s / secondsPerFrame * cell);
      g.drawLine(x, top + bands * cellH, x, top + bands * cellH + 4);
      g.drawString(String.format(Locale.ROOT, "%.1f s", s), x - 12, top + bands * cellH + 18);
    }
    for (int b = 0; b <= bands; b += 16) {
      int y = top + (bands - b) * cellH;
      g.drawString("mel " + b, 8, y + 4);
    }
    int barX = left + frames * cell + 15;
    for (int y = 0; y < bands * cellH; y++) {
      g.setColor(colour(1.0 - y / (double) (bands * cellH)));
      g.fillRect(barX, top + y, 14, 1);
    }
    g.setColor(Color.BLACK);
    g.drawString(String.format(Locale.ROOT, "%.0f dB", max), barX - 2, top - 4);
    g.drawString(String.format(Locale.ROOT, "%.0f dB", min), barX - 2, top + bands * cellH + 14);
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(img, "png", png.toFile());
  }

  private static Color colour(double x) {
    double p = Math.max(0, Math.min(1, x)) * (VIRIDIS.length - 1);
    int i = Math.min((int) p, VIRIDIS.length - 2);
    double f = p - i;
    int[] a = VIRIDIS[i];
    int[] b = VIRIDIS[i + 1];
    return new Color((int) (a[0] + f * (b[0] - a[0])), (int) (a[1] + f * (b[1] - a[1])), (int) (a[2] + f * (b[2] - a[2])));
  }
}
