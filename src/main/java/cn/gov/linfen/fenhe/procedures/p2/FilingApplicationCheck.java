package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start check of farmland-facility-filing (X-R04) and the check of the negotiated agreement
 * (P2-R01: location, facility type, area, land use, term, reclamation, land return, breach
 * liability). Plain logic: a list of refused fields, empty when the input is good.
 */
public class FilingApplicationCheck {

  static final int MAX_TEXT = 200;
  static final int MAX_TERM_YEARS = 50;

  /** The start variables of PROCEDURES.md P2. */
  public List<FieldError> check(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    text(variables, OPERATOR_NAME, "设施农业经营者", "the operator", errors);
    text(variables, VILLAGE_COLLECTIVE, "农村集体经济组织", "the village collective", errors);
    FieldError county = County.check(COUNTY, variables.get(COUNTY));
    if (county != null) {
      errors.add(county);
    }
    text(variables, TOWNSHIP, "乡镇", "the township", errors);
    text(variables, VILLAGE, "村", "the village", errors);
    text(variables, FACILITY_TYPE, "设施类型", "the facility type", errors);
    BigDecimal area = decimal(variables.get(AREA_MU));
    if (area == null) {
      errors.add(P2Refusal.AREA_MU_NUMBER_MU.at(AREA_MU));
    } else if (area.signum() <= 0) {
      errors.add(P2Refusal.AREA_MU_GREATER_THAN.at(AREA_MU));
    }
    text(variables, LAND_USE, "土地用途", "the land use", errors);
    BigDecimal term = decimal(variables.get(TERM_YEARS));
    if (term == null
        || term.stripTrailingZeros().scale() > 0
        || term.signum() <= 0
        || term.compareTo(BigDecimal.valueOf(MAX_TERM_YEARS)) > 0) {
      errors.add(P2Refusal.TERM_YEARS_WHOLE_NUMBER_YEARS.at(TERM_YEARS, MAX_TERM_YEARS));
    }
    if (!(variables.get(USES_PERMANENT_BASIC_FARMLAND) instanceof Boolean)) {
      errors.add(P2Refusal.USES_PERMANENT_BASIC_FARMLAND_TRUE.at(USES_PERMANENT_BASIC_FARMLAND));
    }
    Object party = variables.get(APPLICANT_PARTY);
    if (party != null
        && !FarmlandProcess.Decided.OPERATOR.equals(party)
        && !FarmlandProcess.Decided.COLLECTIVE.equals(party)) {
      errors.add(P2Refusal.APPLICANT_PARTY_OPERATOR_COLLECTIVE.at(APPLICANT_PARTY));
    }
    Object previous = variables.get(PREVIOUS_FILING_KEY);
    if (previous != null && !(previous instanceof String)) {
      errors.add(P2Refusal.PREVIOUS_FILING_KEY_MALFORMED.at(PREVIOUS_FILING_KEY));
    }
    return errors;
  }

  /**
   * The agreement as negotiated: the start variables and the further items of the agreement
   * (P2-R01).
   */
  public List<FieldError> agreement(Map<String, Object> variables) {
    List<FieldError> errors = check(variables);
    text(variables, FACILITY_LOCATION, "设施用地具体位置（四至）", "the location", errors);
    text(variables, RECLAMATION_REQUIREMENTS, "土地复垦要求", "the reclamation requirements", errors);
    text(variables, LAND_RETURN, "土地交还方式", "how the land is returned", errors);
    text(variables, BREACH_LIABILITY, "违约责任", "the breach liability", errors);
    return errors;
  }

  static void text(
      Map<String, Object> variables,
      String field,
      String chinese,
      String english,
      List<FieldError> errors) {
    Object value = variables.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      errors.add(P2Refusal.TEXT_REQUIRED.at(field, chinese, english));
    } else if (text.length() > MAX_TEXT
        && !field.equals(RECLAMATION_REQUIREMENTS)
        && !field.equals(LAND_RETURN)
        && !field.equals(BREACH_LIABILITY)) {
      errors.add(P2Refusal.TEXT_TOO_LONG.at(field, chinese, MAX_TEXT, english));
    }
  }

  /** A number as the form or REST sends it (number or text), exactly; null if it is none. */
  static BigDecimal decimal(Object value) {
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
