package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.List;

/**
 * A task completion refused by a {@link TaskCompletionCheck}: answered with HTTP 400 naming the
 * fields, like a refused start; the task stays open and nothing is written.
 */
public class InvalidTaskCompletionException extends InvalidStartException {

  public InvalidTaskCompletionException(String taskDefinitionKey, List<FieldError> errors) {
    super(
        errors,
        "办理内容有误，任务未完成："
            + chinese(errors)
            + " / invalid completion of "
            + taskDefinitionKey
            + ", the task stays open: "
            + english(errors));
  }
}
