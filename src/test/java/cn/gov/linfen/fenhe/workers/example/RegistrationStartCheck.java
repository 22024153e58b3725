package cn.gov.linfen.fenhe.workers.example;

import static cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess.Variables.CREDIT_CODE;
import static cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess.Variables.ENTERPRISE_NAME;

import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an example registration must carry when it starts. Plain logic. */
public class RegistrationStartCheck {

  public List<FieldError> check(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object name = variables.get(ENTERPRISE_NAME);
    if (!(name instanceof String text) || text.isBlank()) {
      errors.add(new FieldError(ENTERPRISE_NAME, "企业名称必填", "the enterprise name is required"));
    }
    Object code = variables.get(CREDIT_CODE);
    FieldError codeError = CreditCode.check(CREDIT_CODE, code instanceof String s ? s : null);
    if (codeError != null) {
      errors.add(codeError);
    }
    return errors;
  }
}
