package de.stadtportal.bench.media;

import com.sun.management.ThreadMXBean;
import de.stadtportal.content.media.application.Images;
import de.stadtportal.content.media.domain.MediaFormat;
import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.content.media.domain.Renditions;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * How fast and in how much memory the media library makes renditions of a 24-megapixel JPEG
 * (6000 × 4000, drawn here with Java2D: gradients, shapes, text and noise, so it compresses like a
 * photo rather than like a flat colour). It runs exactly what content-service runs for the first
 * request of a rendition ({@link Images#render}: subsampled decode, halving bilinear steps, encode),
 * on this thread, without database or HTTP, and the upload check ({@link Images#probe}) once.
 * <p>
 * Per case: renditions per second over {@code -Dbench.rounds} (default 8) after two warm-ups, the
 * heap allocated per rendition by this thread ({@code ThreadMXBean#getCurrentThreadAllocatedBytes}),
 * and the peak resident set of the process while the case ran (Linux: {@code VmHWM} after resetting
 * it through {@code /proc/self/clear_refs}). Figures are printed as ratios against the 320 px JPEG
 * case of the same run.
 */
public final class RenditionBenchmark {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Result(String name, double perSecond, long allocated, long peakRss, int bytes) {
    }

    private RenditionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 8);
        byte[] original = photo(6000, 4000);
        Images images = new Images(40_000_000);
        System.out.printf(Locale.ROOT, "original: 6000 x 4000 JPEG, %,d bytes; max heap %,d MB; %d rounds per case%n",
                original.length, Runtime.getRuntime().maxMemory() >> 20, rounds);

        List<Result> results = new ArrayList<>();
        results.add(measure("upload check (probe)", rounds, () -> images.probe(original, "image/jpeg").width()));
        for (RenditionFormat format : RenditionFormat.values()) {
            for (int width : List.of(320, 1600)) {
                int height = Renditions.pixelHeight(width, 6000, 4000);
                results.add(measure(width + " px " + format.extension(), rounds,
                        () -> images.render(original, MediaFormat.JPEG, width, height, format).length));
            }
        }
        Result baseline = results.stream().filter(result -> result.name().equals("320 px jpg")).findFirst()
                .orElseThrow();
        System.out.printf(Locale.ROOT, "%n| case | renditions/s | × baseline | allocated per rendition | × baseline"
                + " | peak RSS | output bytes |%n|---|---|---|---|---|---|---|%n");
        for (Result result : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %,d MB | %.2f | %,d MB | %,d |%n", result.name(),
                    result.perSecond(), result.perSecond() / baseline.perSecond(), result.allocated() >> 20,
                    (double) result.allocated() / baseline.allocated(), result.peakRss() >> 20, result.bytes());
        }
    }

    private interface Work {
        int run();
    }

    private static Result measure(String name, int rounds, Work work) {
        work.run();
        work.run();
        System.gc();
        resetPeakRss();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < rounds; i++) {
            bytes = work.run();
        }
        long elapsed = System.nanoTime() - start;
        long allocated = (THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) / rounds;
        Result result = new Result(name, rounds / (elapsed / 1e9), allocated, peakRss(), bytes);
        System.out.printf(Locale.ROOT, "%-22s %6.1f/s  %,6d MB allocated each  peak RSS %,d MB%n", name,
                result.perSecond(), allocated >> 20, result.peakRss() >> 20);
        return result;
    }

    /** A photo-like picture: gradients, shapes, the city's name and per-pixel noise. */
    static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), width, height, new Color(0xe9c46a)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0x1000000) | 0x40000000, true));
            int size = 50 + random.nextInt(600);
            g.fillOval(random.nextInt(width), random.nextInt(height), size, size);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 400));
        g.drawString("Bochum", width / 8, height / 2);
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(25) - 12;
                int rgb = image.getRGB(x, y);
                int r = clamp(((rgb >> 16) & 0xFF) + noise);
                int gr = clamp(((rgb >> 8) & 0xFF) + noise);
                int b = clamp((rgb & 0xFF) + noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux or not allowed: the peak is then the process's peak so far
        }
    }

    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
