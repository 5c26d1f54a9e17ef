package dev.switchboard.local.diffusion;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Decoded pixels (RGB planes in [0, 1]) as the bytes of a PNG or JPEG file, written by javax.imageio. */
final class ImageEncoding {
    private ImageEncoding() {}

    static byte[] encode(float[] planes, int width, int height, String format, int jpegQuality) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = Math.round(planes[p] * 255);
            int g = Math.round(planes[plane + p] * 255);
            int b = Math.round(planes[2 * plane + p] * 255);
            rgb[p] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format.equals("jpeg")) {
                writeJpeg(image, jpegQuality, out);
            } else if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        }
        return out.toByteArray();
    }

    private static void writeJpeg(BufferedImage image, int quality, ByteArrayOutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) throw new IllegalStateException("this JVM has no JPEG writer");
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
