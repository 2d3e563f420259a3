package de.stadtportal.testing.data;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Images the media tests make themselves with Java2D and ImageIO, and the hostile files they send:
 * no photo is ever downloaded. Each image gets a random stripe so that no two tests share bytes by
 * accident (the library stores equal bytes once).
 */
public final class TestImages {

    /** Latitude 51° 28' 43" as the GPS IFD stores it: three rationals. */
    public static final byte[] GPS_LATITUDE = rationals(51, 1, 28, 1, 43, 1);

    private TestImages() {
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x0b4f6c), width, height, new Color(0xf2c14e)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.fillRect(0, 0, Math.max(1, width / 10), Math.max(1, height / 10));
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG whose APP1 segment holds EXIF with a GPS position, right after the start of image. */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        byte[] app1 = gpsExif();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + app1.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.length + 2)).put(app1);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * "Exif\0\0", a big-endian TIFF header, IFD0 with one entry pointing at the GPS IFD, and the GPS
     * IFD with latitude reference and latitude.
     */
    public static byte[] gpsExif() {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 18 + 30 + 24);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) -> offset 26
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: two entries, then the latitude's rationals at 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.put(GPS_LATITUDE);
        ByteBuffer exif = ByteBuffer.allocate(6 + tiff.capacity());
        exif.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).put(tiff.array());
        return exif.array();
    }

    /** A valid PNG header that declares {@code width} × {@code height} pixels, and almost nothing else. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] idat = {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The first {@code fraction} of the bytes, as a broken upload leaves them. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    public static byte[] svg() {
        return """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                  <script>alert(document.cookie)</script>
                  <image href="https://evil.example/track.png"/>
                </svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] rationals(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }
}
