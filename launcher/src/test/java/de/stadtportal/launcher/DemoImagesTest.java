package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoImagesTest {

    @Test
    void a_demo_image_is_a_1600_by_900_jpeg_drawn_the_same_every_time() throws IOException {
        byte[] skyline = DemoImages.draw("bochum", "skyline");

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(skyline));
        assertThat(read.getWidth()).isEqualTo(1600);
        assertThat(read.getHeight()).isEqualTo(900);
        // the library stores equal bytes once, so a second demo run finds the items of the first
        assertThat(DemoImages.draw("bochum", "skyline")).isEqualTo(skyline);
        assertThat(DemoImages.draw("herne", "kirmes")).isNotEqualTo(skyline);
    }
}
