package cn.gov.linfen.fenhe.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refusal texts of one part, read once from {@code refusals/<bundle>.properties} on the class
 * path (UTF-8): every key twice, {@code <key>.zh} and {@code <key>.en}, so both languages are
 * reviewed together. Placeholders {@code {0}}, {@code {1}}, … are replaced by the arguments as
 * {@link String#valueOf(Object)} writes them — plain text, no {@code MessageFormat} (which would
 * group digits and treat apostrophes as quotes). No Spring: the workers use it too.
 */
public final class RefusalBundle {

  public static final String ZH = ".zh";
  public static final String EN = ".en";

  private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

  private RefusalBundle() {}

  /** The reason of a key, its placeholders replaced. */
  public static Reason reason(String bundle, String key, Object... args) {
    Properties texts = texts(bundle);
    String chinese = texts.getProperty(key + ZH);
    String english = texts.getProperty(key + EN);
    if (chinese == null || english == null) {
      throw new IllegalStateException(
          "refusals/" + bundle + ".properties has no " + key + ZH + " and " + key + EN);
    }
    return new Reason(format(chinese, args), format(english, args));
  }

  /** Every key of the bundle as written in it (with its {@code .zh} or {@code .en}). */
  public static Set<String> keys(String bundle) {
    return new TreeSet<>(texts(bundle).stringPropertyNames());
  }

  /** The text of one key as written ({@code key.zh} or {@code key.en}), placeholders kept. */
  public static String text(String bundle, String keyWithLanguage) {
    return texts(bundle).getProperty(keyWithLanguage);
  }

  /** The template with {@code {n}} replaced by the n-th argument. */
  public static String format(String template, Object... args) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder text = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(template.substring(i + 1, close));
        if (index >= args.length) {
          throw new IllegalArgumentException("no argument {" + index + "} for: " + template);
        }
        text.append(args[index]);
        i = close + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    return text.toString();
  }

  private static Properties texts(String bundle) {
    return BUNDLES.computeIfAbsent(bundle, RefusalBundle::load);
  }

  private static Properties load(String bundle) {
    String path = "refusals/" + bundle + ".properties";
    ClassLoader loader = RefusalBundle.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no " + path + " on the class path");
      }
      Properties texts = new Properties();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
