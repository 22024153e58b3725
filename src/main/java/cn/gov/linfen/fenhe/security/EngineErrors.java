package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * What an engine error means for the person who caused it: the HTTP status (a person's mistake or a
 * conflict is never a 500) and the field with the reason in Chinese and English — never a class
 * name or an internal message. Used for the engine REST API and the webapps (from the engine REST
 * API's error body) and for the platform API (from the exception).
 */
public final class EngineErrors {

  /** The answer to one error. */
  public record Answer(int status, String type, FieldError error) {}

  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_$][a-z0-9_$]*\\.){2,}[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\[\"([^\"]+)\"\\]");
  private static final Pattern PARAMETER =
      Pattern.compile("(?:parameter|property|variable) '([^']+)'");

  private EngineErrors() {}

  /**
   * The answer to an error of the given engine exception type (simple name), message and the status
   * the engine REST API gave it.
   */
  public static Answer of(String type, String message, int status, IdentityService identity) {
    String text = message == null ? "" : message;
    String lower = text.toLowerCase();
    String kind = type == null ? "" : type;
    if (kind.equals("AuthorizationException") || status == 403) {
      return new Answer(403, "AuthorizationException", PlatformRefusal.NOT_AUTHORIZED.at("user"));
    }
    if (kind.equals("OptimisticLockingException")
        || kind.equals("ConcurrentModificationException")) {
      return new Answer(
          409, "ConflictException", PlatformRefusal.CONCURRENT_CHANGE_REPORTED.at("case"));
    }
    if (kind.equals("TaskAlreadyClaimedException") || lower.contains("already claimed")) {
      return new Answer(
          409, "ConflictException", PlatformRefusal.TASK_ALREADY_CLAIMED.at("assignee"));
    }
    if (kind.equals("SuspendedEntityInteractionException") || lower.contains("is suspended")) {
      return new Answer(409, "ConflictException", PlatformRefusal.CASE_SUSPENDED.at("case"));
    }
    if (kind.endsWith("ParseException")
        || lower.contains("could not parse")
        || lower.contains("doctype")) {
      return new Answer(
          400, "InvalidRequestException", PlatformRefusal.MODEL_UNPARSABLE.at("data"));
    }
    if (lower.contains("password") && lower.contains("policy")) {
      return new Answer(
          400,
          "InvalidRequestException",
          PlatformRefusal.PASSWORD_POLICY.at("password", passwordRules(identity)));
    }
    if (kind.equals("NullValueException")
            && (lower.contains("task") || lower.contains("cannot find"))
        || kind.equals("NotFoundException")
        || status == 404) {
      return new Answer(
          404, "NotFoundException", PlatformRefusal.TASK_OR_CASE_NOT_FOUND.at(field(text, "id")));
    }
    if (kind.contains("Json")
        || kind.endsWith("MismatchedInputException")
        || kind.endsWith("InvalidFormatException")
        || text.contains("reference chain")
        || kind.isEmpty() && status == 400
        || kind.equals("InvalidRequestException") && status == 400 && text.isBlank()) {
      return new Answer(
          400, "InvalidRequestException", PlatformRefusal.BODY_UNREADABLE.at(jsonField(text)));
    }
    if (status == 401) {
      return new Answer(
          401,
          "AuthenticationException",
          PlatformRefusal.AUTHENTICATION_REQUIRED.at("Authorization"));
    }
    if (status == 405 || status == 406 || status == 415) {
      return new Answer(
          status,
          "InvalidRequestException",
          PlatformRefusal.METHOD_MEDIA_TYPE_SUPPORTED.at("request"));
    }
    if (status >= 400 && status < 500) {
      return new Answer(
          status,
          "InvalidRequestException",
          PlatformRefusal.INVALID_REQUEST.at(field(text, "request"), sanitized(text)));
    }
    return new Answer(500, "InternalError", PlatformRefusal.INTERNAL_ERROR.at("-"));
  }

  /** The engine REST API's message without class names or the internal reference chain. */
  static String sanitized(String message) {
    String text = message == null ? "" : message;
    int chain = text.indexOf(" (through reference chain");
    if (chain >= 0) {
      text = text.substring(0, chain);
    }
    text = CLASS_NAME.matcher(text).replaceAll("");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text.strip();
  }

  /** The last field of a Jackson reference chain ({@code …["orQueries"]->…["assignee"]}). */
  static String jsonField(String message) {
    Matcher matcher = REFERENCE_CHAIN.matcher(message == null ? "" : message);
    String field = "body";
    while (matcher.find()) {
      field = matcher.group(1);
    }
    return field;
  }

  private static String field(String message, String fallback) {
    Matcher matcher = PARAMETER.matcher(message);
    return matcher.find() ? matcher.group(1) : fallback;
  }

  /** The password policy's rules in Chinese ("至少 10 位；至少 1 个大写字母；…"). */
  public static String passwordRules(IdentityService identity) {
    List<String> rules = new ArrayList<>();
    if (identity != null && identity.getPasswordPolicy() != null) {
      for (PasswordPolicyRule rule : identity.getPasswordPolicy().getRules()) {
        Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
        String placeholder = rule.getPlaceholder();
        String first = p.values().stream().findFirst().orElse("");
        rules.add(
            switch (placeholder.replace("PASSWORD_POLICY_", "")) {
              case "LENGTH" -> "至少" + first + "位";
              case "LOWERCASE" -> "至少" + first + "个小写字母";
              case "UPPERCASE" -> "至少" + first + "个大写字母";
              case "DIGIT" -> "至少" + first + "个数字";
              case "SPECIAL" -> "至少" + first + "个特殊字符（如 !@#$%）";
              case "USER_DATA" -> "不得包含用户名、姓名或电子邮箱";
              default -> "符合系统的密码规则";
            });
      }
    }
    return rules.isEmpty() ? "请设置更复杂的密码" : String.join("；", rules);
  }
}
