package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.workers.common.FieldError;

/**
 * For the models: the candidate group of a county-level step, from the case's {@code county}
 * variable. In BPMN: {@code camunda:candidateGroups="${counties.group('county-industry-it', county)}"}.
 */
public class Counties {

  public static final String BEAN_NAME = "counties";

  /** The county group of a role for the case's county; an unknown county or role is an error. */
  public String group(String roleGroupId, String county) {
    FenheGroup role = FenheGroup.byId(roleGroupId)
        .orElseThrow(() -> new IllegalArgumentException("unknown group " + roleGroupId));
    return County.of(county)
        .orElseThrow(() -> new IllegalArgumentException("unknown county " + county))
        .groupOf(role);
  }

  /** The start check of a {@code county} variable: null when it names one of the 17 counties. */
  public static FieldError check(String field, Object county) {
    if (county instanceof String name && County.of(name).isPresent()) {
      return null;
    }
    return new FieldError(field, "县(市、区)不正确，应为临汾市 17 个县(市、区)之一，如“尧都区”",
        "unknown county: one of Linfen's 17 counties, cities and districts, e.g. 尧都区");
  }
}
