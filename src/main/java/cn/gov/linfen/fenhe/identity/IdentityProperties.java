package cn.gov.linfen.fenhe.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings.
 *
 * @param createDemoUsers create {@code demo-<group-id>} users and {@code admin}; only ever in the
 *     demo profile
 * @param demoPassword the demo users' password
 * @param workerUser the workers' technical user
 * @param workerPassword its password; the technical user is created only when one is given
 * @param initialAdminUser the first administrator, created when no such user exists (production)
 * @param initialAdminPassword its password
 * @param policy the identity policy: groups and their grants, who starts which process ({@value
 *     IdentityPolicyLoader#DEFAULT_LOCATION}); further files add grants to its groups
 */
@Validated
@ConfigurationProperties("fenhe.identity")
public record IdentityProperties(
    @DefaultValue("false") boolean createDemoUsers,
    @DefaultValue("") String demoPassword,
    @DefaultValue("fenhe-worker") String workerUser,
    @DefaultValue("") String workerPassword,
    @DefaultValue("") String initialAdminUser,
    @DefaultValue("") String initialAdminPassword,
    List<String> policy) {

  public IdentityProperties {
    policy =
        policy == null || policy.isEmpty()
            ? List.of(IdentityPolicyLoader.DEFAULT_LOCATION)
            : List.copyOf(policy);
  }
}
