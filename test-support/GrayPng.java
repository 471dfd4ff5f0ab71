import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** {@code java GrayPng.java in.png out.png}: rewrites a page image as 8-bit grey (a third of the RGB size). */
public class GrayPng {
    public static void main(String[] args) throws Exception {
        BufferedImage in = ImageIO.read(new File(args[0]));
        BufferedImage gray = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(in, 0, 0, null);
        ImageIO.write(gray, "png", new File(args[1]));
    }
}
