package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.MediaFormat;
import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.Violation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reading, checking and scaling images with ImageIO: TwelveMonkeys reads JPEG and WebP in pure Java,
 * the JDK reads PNG, libwebp (through {@code webp-imageio}) writes WebP.
 * <p>
 * Untrusted bytes are met in this order: the first bytes must be a JPEG, PNG or WebP signature (the
 * client's content type must agree); the pixel size comes from the header, and an image declaring
 * more pixels than the limit is refused before a single pixel is decoded (a few hundred bytes can
 * declare 50,000 × 50,000); then the whole image is decoded, subsampled to at most about a
 * megapixel, so a truncated or damaged file is found without holding the full-size image.
 * <p>
 * Renditions are decoded subsampled to no less than one and a half times their width and halved
 * step by step with bilinear filtering before the last step, which is close to area averaging at a
 * fraction of its cost and keeps a 1600 px rendition of a 24-megapixel photo from ever holding the
 * photo at full size. Encoding writes pixels only: no EXIF, GPS or other metadata of the original reaches a
 * rendition. The class is longer than most because reading and writing share the reader choice and
 * the subsampling rule.
 */
public final class Images {

    /** What the bytes are, read from the bytes themselves. */
    public record Probe(MediaFormat format, int width, int height) {
    }

    private static final long CHECK_PIXELS = 1_000_000;
    private static final float JPEG_QUALITY = 0.82f;
    private static final float WEBP_QUALITY = 0.80f;

    private final long maxPixels;

    public Images(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The format and size of an upload, after checking it is a whole image within the limits. */
    public Probe probe(byte[] bytes, String declaredType) {
        MediaFormat format = sniff(bytes);
        if (declaredType != null && !declaredType.isBlank() && !agrees(format, declaredType)) {
            throw new InvalidInput("The file is " + format.contentType() + " but was sent as " + declaredType,
                    new Violation("file", "content type must match the image"));
        }
        ImageReader reader = reader(format);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            requireWithinLimit(width, height);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height, CHECK_PIXELS);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param).flush();
            if (warnings.stream().anyMatch(Images::damage)) {
                throw damaged();
            }
            return new Probe(format, width, height);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LimitExceeded || e instanceof InvalidInput) {
                throw (RuntimeException) e;
            }
            throw damaged();
        } finally {
            reader.dispose();
        }
    }

    /** A rendition {@code width} × {@code height} pixels of the original, in {@code target}'s format. */
    public byte[] render(byte[] original, MediaFormat source, int width, int height, RenditionFormat target) {
        BufferedImage scaled = scale(decode(original, source, width), width, height, target == RenditionFormat.JPG);
        return encode(scaled, target);
    }

    private BufferedImage decode(byte[] original, MediaFormat format, int targetWidth) {
        ImageReader reader = reader(format);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            requireWithinLimit(width, reader.getHeight(0));
            ImageReadParam param = reader.getDefaultReadParam();
            // at least one and a half times the target's width survives subsampling (which picks pixels,
            // so less would alias); the bilinear steps average the rest
            int step = Math.max(1, width * 2 / (targetWidth * 3));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored original could not be read", e);
        } finally {
            reader.dispose();
        }
    }

    /** Halves with bilinear filtering while more than twice too wide, then scales to the exact size. */
    static BufferedImage scale(BufferedImage image, int width, int height, boolean opaque) {
        int type = opaque || !image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_INT_ARGB;
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            if (w / 2 >= width && h / 2 >= height) {
                w /= 2;
                h /= 2;
            } else {
                w = width;
                h = height;
            }
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            try {
                if (type == BufferedImage.TYPE_INT_RGB) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, w, h);
                }
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current.flush();
            current = next;
        } while (w != width || h != height);
        return current;
    }

    private static byte[] encode(BufferedImage image, RenditionFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format.contentType());
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (format == RenditionFormat.WEBP) {
                param.setCompressionType("Lossy");
                param.setCompressionQuality(WEBP_QUALITY);
            } else {
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // pixels only: no metadata of the original is handed to the writer
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("A rendition could not be encoded", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private void requireWithinLimit(int width, int height) {
        if ((long) width * height > maxPixels) {
            throw new LimitExceeded("The image declares " + width + " × " + height + " pixels; at most "
                    + maxPixels + " pixels are taken", new Violation("file", "too many pixels"));
        }
    }

    /** Which bytes open a JPEG, a PNG or a WebP file; anything else is refused, SVG by name. */
    static MediaFormat sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return MediaFormat.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaFormat.PNG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return MediaFormat.WEBP;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<svg") || head.contains("<?xml")) {
            throw new InvalidInput("SVG is not taken: it may carry scripts and external references",
                    new Violation("file", "must be a JPEG, PNG or WebP image"));
        }
        throw new InvalidInput("The file is not an image this library takes",
                new Violation("file", "must be a JPEG, PNG or WebP image"));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean agrees(MediaFormat format, String declared) {
        String type = declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.equals("application/octet-stream") || type.equals(format.contentType())
                || (format == MediaFormat.JPEG && type.equals("image/jpg"));
    }

    /**
     * The reader for untrusted bytes: the first one ImageIO offers whose class is not the native
     * WebP reader, so JPEG and WebP are read by TwelveMonkeys in Java and PNG by the JDK.
     */
    private static ImageReader reader(MediaFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith("com.luciad.")) {
                return reader;
            }
        }
        throw new IllegalStateException("No ImageIO reader for " + format.contentType());
    }

    private static int subsampling(int width, int height, long pixels) {
        int step = 1;
        while ((long) (width / step) * (height / step) > pixels) {
            step++;
        }
        return step;
    }

    private static boolean damage(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncat") || text.contains("corrupt");
    }

    private static InvalidInput damaged() {
        return new InvalidInput("The image is truncated or damaged", new Violation("file", "must be a whole image"));
    }
}
