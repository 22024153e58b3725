package cn.gov.linfen.fenhe.common;

import java.util.Locale;

/**
 * One refusal text of a part's bundle ({@code refusals/<bundle>.properties}, Chinese and English
 * side by side as {@code <key>.zh} and {@code <key>.en}). Implemented by one enum per part ({@link
 * CommonRefusal}, the platform's, each procedure's): the constant names the key, so a typo does not
 * compile and an unused text is found by the bundle test.
 */
public interface RefusalText {

  /** The bundle's name: {@code common}, {@code platform}, {@code p1}, … */
  String bundle();

  /** The enum constant's name, e.g. {@code COUNTY_UNKNOWN}. */
  String name();

  /** The key in the bundle: the constant's name in lower case, dotted ({@code county.unknown}). */
  default String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The reason, its {@code {0}}, {@code {1}}, … replaced by the arguments. */
  default Reason reason(Object... args) {
    return RefusalBundle.reason(bundle(), key(), args);
  }

  /** The reason, refusing the given field. */
  default FieldError at(String field, Object... args) {
    return reason(args).at(field);
  }
}
