package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The city's and the county's retained shares (市、县两级财政留成比例) of each of the five taxes, as fractions
 * of the tax paid (0.15 = 15 %). Configuration, not code (PROCEDURES.md P3 [decided]): {@code
 * fenhe.p3.retained-shares.city.<tax>} and {@code …county.<tax>}, tax one of {@code vat,
 * urban-construction-tax, education-surcharge, local-education-surcharge, stamp-duty}.
 */
public record RetainedShares(Map<String, BigDecimal> city, Map<String, BigDecimal> county) {

  /** Configuration key of each tax variable. */
  public static final Map<String, String> CONFIG_KEYS = configKeys();

  private static Map<String, String> configKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(VAT_PAID, "vat");
    keys.put(URBAN_CONSTRUCTION_TAX, "urban-construction-tax");
    keys.put(EDUCATION_SURCHARGE, "education-surcharge");
    keys.put(LOCAL_EDUCATION_SURCHARGE, "local-education-surcharge");
    keys.put(STAMP_DUTY, "stamp-duty");
    return Map.copyOf(keys);
  }

  public RetainedShares {
    city = Map.copyOf(city);
    county = Map.copyOf(county);
    for (String tax : TAXES) {
      BigDecimal c = city.get(tax);
      BigDecimal k = county.get(tax);
      String key = CONFIG_KEYS.get(tax);
      if (c == null || k == null) {
        throw new IllegalArgumentException(
            "fenhe.p3.retained-shares: city and county share of " + key + " required");
      }
      if (c.signum() < 0 || k.signum() < 0 || c.add(k).compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "fenhe.p3.retained-shares: shares of "
                + key
                + " must be ≥ 0 and together at most 1, are "
                + c
                + " and "
                + k);
      }
    }
  }

  /** From the configuration's maps (keys {@link #CONFIG_KEYS}' values). */
  public static RetainedShares fromConfiguration(
      Map<String, BigDecimal> cityByKey, Map<String, BigDecimal> countyByKey) {
    Map<String, BigDecimal> city = new LinkedHashMap<>();
    Map<String, BigDecimal> county = new LinkedHashMap<>();
    for (String tax : TAXES) {
      String key = CONFIG_KEYS.get(tax);
      if (cityByKey == null
          || countyByKey == null
          || cityByKey.get(key) == null
          || countyByKey.get(key) == null) {
        throw new IllegalArgumentException(
            "fenhe.p3.retained-shares.city." + key + " and .county." + key + " are required");
      }
      city.put(tax, cityByKey.get(key));
      county.put(tax, countyByKey.get(key));
    }
    return new RetainedShares(city, county);
  }
}
