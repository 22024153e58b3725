package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.common.CommonRefusal;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The risk-clue loop (P5-R04, 二(五)): who verifies and handles (the responsible regulator of the
 * city or the county) and who leads and closes (the approval service bureau of the same level), and
 * the checks of the start and of each task.
 */
public class SupervisionClues {

  public static final String BEAN_NAME = "supervisionClues";

  /** Start listener: the groups of the clue. */
  public void open(DelegateExecution execution) {
    Object county = execution.getVariable(COUNTY);
    execution.setVariable(REGULATOR_GROUP, SupervisionActs.regulatorGroup(county));
    execution.setVariable(LEAD_GROUP, SupervisionActs.leadGroup(county));
  }

  public List<FieldError> start(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, v, CLUE_TITLE, "线索标题", 200);
    required(errors, v, CLUE_CONTENT, "线索内容", 2000);
    required(errors, v, OBJECT_NAME, "涉及监管对象", 200);
    required(errors, v, DEPARTMENT, "责任监管部门", 100);
    Object county = v.get(COUNTY);
    if (county != null && !(county instanceof String s && s.isBlank())) {
      FieldError unknown = County.check(COUNTY, county);
      if (unknown != null) {
        errors.add(unknown);
      }
    }
    return errors;
  }

  public List<FieldError> verify(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    if (!(v.get(CLUE_CONFIRMED) instanceof Boolean)) {
      errors.add(P5Refusal.CLUE_CONFIRMED_REQUIRED.at(CLUE_CONFIRMED));
    }
    required(errors, v, VERIFY_FINDINGS, "核查情况", 2000);
    return errors;
  }

  public List<FieldError> handle(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, v, HANDLING_MEASURES, "处置措施", 2000);
    required(errors, v, FEEDBACK, "反馈意见", 2000);
    return errors;
  }

  public List<FieldError> close(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    Object approved = v.get("approved");
    if (!(approved instanceof Boolean)) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at("approved", "审核结论", "approved"));
    } else if (!(Boolean) approved
        && (v.get("opinion") == null || v.get("opinion").toString().isBlank())) {
      errors.add(P5Refusal.CLOSURE_OPINION_REQUIRED.at("opinion"));
    }
    return errors;
  }

  public List<FieldError> followUp(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, v, "followUpNote", "督办情况", 2000);
    return errors;
  }

  static void required(
      List<FieldError> errors, Map<String, Object> v, String field, String label, int max) {
    Object value = v.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at(field, label, field));
    } else if (!(value instanceof String s)) {
      errors.add(P5Refusal.TEXT_EXPECTED.at(field, label, field));
    } else if (s.length() > max) {
      errors.add(P5Refusal.TEXT_TOO_LONG.at(field, label, max, field));
    }
  }
}
