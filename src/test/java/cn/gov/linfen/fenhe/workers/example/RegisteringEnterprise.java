package cn.gov.linfen.fenhe.workers.example;

import java.time.LocalDate;
import java.util.Locale;

/** Gives a registered enterprise its registration number. Plain logic, no Camunda. */
public class RegisteringEnterprise {

  public String registrationNumber(String creditCode, LocalDate registeredOn) {
    if (creditCode == null || creditCode.length() != 18) {
      throw new IllegalArgumentException("creditCode must have 18 characters");
    }
    return String.format(
        Locale.ROOT, "LFDJ-%d-%s", registeredOn.getYear(), creditCode.substring(8, 17));
  }
}
