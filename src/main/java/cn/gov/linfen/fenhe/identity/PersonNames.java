package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.engine.AsPlatform;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * People as a person reads them (姓名), not as accounts: the identity's last name then first name
 * (e.g. 张三), the user id only when the user has no name or does not exist. Read as the platform (a
 * name is shown to whoever reads the case, a notification or a refusal, not only to those who may
 * list users). Used wherever the server writes a person into a text or an answer: the workbench,
 * the engine's refusals ({@code engine.guard}) and the documents of a case.
 */
public class PersonNames {

  private final IdentityService identity;

  public PersonNames(IdentityService identity) {
    this.identity = identity;
  }

  /** The user's name; the id when he has none; {@code null} for {@code null}. */
  public String of(String userId) {
    return userId == null ? null : of(List.of(userId)).get(userId);
  }

  /** The name of each user (in the order given, without repeats); the id for one without. */
  public Map<String, String> of(Collection<String> userIds) {
    Set<String> ids = new LinkedHashSet<>();
    userIds.stream().filter(Objects::nonNull).forEach(ids::add);
    Map<String, String> names = new LinkedHashMap<>();
    ids.forEach(id -> names.put(id, id));
    if (ids.isEmpty()) {
      return names;
    }
    List<User> users =
        AsPlatform.call(
            identity,
            () ->
                identity
                    .createUserQuery()
                    .userIdIn(ids.toArray(String[]::new))
                    .listPage(0, ids.size()));
    users.forEach(user -> names.put(user.getId(), name(user)));
    return names;
  }

  /** A user's name: last name then first name, the id when both are blank. */
  public static String name(User user) {
    String name =
        (user.getLastName() == null ? "" : user.getLastName().strip())
            + (user.getFirstName() == null ? "" : user.getFirstName().strip());
    return name.isBlank() ? user.getId() : name;
  }
}
