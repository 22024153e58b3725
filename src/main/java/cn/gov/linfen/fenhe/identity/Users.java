package cn.gov.linfen.fenhe.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Creating a user the platform needs: never overwrites one that exists (a changed password is never
 * reset).
 */
final class Users {

  private Users() {}

  /** Creates the user when no user has that id; true when it did. */
  static boolean createIfMissing(
      IdentityService identityService,
      String userId,
      String firstName,
      String lastName,
      String password) {
    if (identityService.createUserQuery().userId(userId).count() > 0) {
      return false;
    }
    User user = identityService.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(userId + "@fenhe.linfen.gov.cn");
    user.setPassword(password);
    identityService.saveUser(user);
    return true;
  }
}
