package de.stadtportal.content.media.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import de.stadtportal.testing.data.TestImages;
import de.stadtportal.content.media.domain.MediaFormat;
import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.LimitExceeded;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ImagesTest {

    private final Images images = new Images(40_000_000);

    @Test
    void a_jpeg_a_png_and_a_webp_are_recognised_by_their_bytes_with_their_pixel_size() {
        assertThat(images.probe(TestImages.jpeg(800, 600), "image/jpeg"))
                .isEqualTo(new Images.Probe(MediaFormat.JPEG, 800, 600));
        assertThat(images.probe(TestImages.png(300, 200), null)).isEqualTo(new Images.Probe(MediaFormat.PNG, 300, 200));
        byte[] webp = images.render(TestImages.png(400, 300), MediaFormat.PNG, 400, 300, RenditionFormat.WEBP);
        assertThat(images.probe(webp, "image/webp")).isEqualTo(new Images.Probe(MediaFormat.WEBP, 400, 300));
    }

    @Test
    void a_rendition_has_the_asked_pixel_size_and_format() throws IOException {
        byte[] original = TestImages.jpeg(2400, 1600);

        byte[] jpg = images.render(original, MediaFormat.JPEG, 640, 427, RenditionFormat.JPG);
        byte[] webp = images.render(original, MediaFormat.JPEG, 320, 213, RenditionFormat.WEBP);

        assertThat(formatOf(jpg)).isEqualTo("JPEG");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpg));
        assertThat(read.getWidth()).isEqualTo(640);
        assertThat(read.getHeight()).isEqualTo(427);
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(images.probe(webp, null)).isEqualTo(new Images.Probe(MediaFormat.WEBP, 320, 213));
    }

    @Test
    void a_rendition_carries_no_exif_and_no_gps_position_of_the_original() {
        byte[] original = TestImages.jpegWithGps(1200, 800);
        assertThat(TestImages.contains(original, TestImages.GPS_LATITUDE)).isTrue();

        for (RenditionFormat format : RenditionFormat.values()) {
            byte[] rendition = images.render(original, MediaFormat.JPEG, 640, 427, format);
            assertThat(TestImages.contains(rendition, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(TestImages.contains(rendition, "EXIF".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(TestImages.contains(rendition, TestImages.GPS_LATITUDE)).isFalse();
        }
    }

    @Test
    void a_decompression_bomb_is_refused_from_its_header_without_allocating_its_pixels() {
        byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> images.probe(bomb, "image/png")).isInstanceOf(LimitExceeded.class)
                .hasMessageContaining("50000 × 50000");

        // 2.5 billion pixels would be 7.5 GB decoded; reading the header costs next to nothing
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void a_truncated_jpeg_and_a_truncated_png_are_refused_as_damaged() {
        assertThatThrownBy(() -> images.probe(TestImages.truncated(TestImages.jpeg(800, 600), 0.5), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> images.probe(TestImages.truncated(TestImages.png(800, 600), 0.5), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("truncated");
    }

    @Test
    void text_svg_and_a_content_type_that_lies_are_refused() {
        assertThatThrownBy(() -> images.probe("just text".getBytes(StandardCharsets.UTF_8), "image/jpeg"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not an image");
        assertThatThrownBy(() -> images.probe(TestImages.svg(), "image/svg+xml"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("SVG");
        assertThatThrownBy(() -> images.probe(TestImages.png(50, 50), "image/jpeg"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("sent as image/jpeg");
    }

    @Test
    void halving_steps_end_at_exactly_the_asked_size() {
        BufferedImage scaled = Images.scale(TestImages.picture(3000, 2000), 320, 213, true);
        assertThat(scaled.getWidth()).isEqualTo(320);
        assertThat(scaled.getHeight()).isEqualTo(213);
    }

    private static String formatOf(byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            return reader.getFormatName().toUpperCase();
        }
    }
}
