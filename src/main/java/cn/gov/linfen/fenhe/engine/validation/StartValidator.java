package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks the variables a process is started with, whatever starts it (REST, Tasklist, Java). A
 * non-empty answer refuses the start: HTTP 400 naming the fields, and no instance is created.
 * Register one as a Spring bean per process key.
 */
public interface StartValidator {

  String processKey();

  List<FieldError> validate(Map<String, Object> variables);

  /** A validator of one process from a plain check. */
  static StartValidator of(
      String processKey, Function<Map<String, Object>, List<FieldError>> check) {
    return new StartValidator() {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      public List<FieldError> validate(Map<String, Object> variables) {
        return check.apply(variables);
      }
    };
  }
}
