package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.time.ElapsedTime;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * A short-lived cache of verified HTTP Basic credentials, so that a worker or a page calling the
 * REST API many times a second is not verified against the database three times a call (password,
 * groups, tenants). Keyed by an HMAC of user name and password under a key drawn at start (the
 * password is never kept, not even hashed with a known key); only correct credentials are kept.
 *
 * <p>Emptied at once on this node when a user, password, group, membership or tenant changes, and
 * when any password check fails (so that a wrong password brings back the login throttle and the
 * engine's lock for the next try); an entry verified while such a change ran is not kept. Entries
 * expire after {@link CredentialsCacheProperties#ttl()}, which bounds how long a change made on
 * another node is unseen here.
 */
public class VerifiedCredentials {

  /** A user whose password was verified, with his groups and tenants at that moment. */
  public record Verified(String userId, List<String> groupIds, List<String> tenantIds) {}

  private record Entry(Verified verified, long expiresAtMillis, long generation) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** Keyed once; each fingerprint works on a clone (a provider look-up per request was 1 % CPU). */
  private final Mac keyed;

  private final long ttlMillis;
  private final int maxEntries;
  private final Clock clock;

  public VerifiedCredentials(CredentialsCacheProperties properties) {
    this(properties, ElapsedTime.clock());
  }

  VerifiedCredentials(CredentialsCacheProperties properties, Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      this.keyed = Mac.getInstance("HmacSHA256");
      keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
    this.ttlMillis = properties.ttl().toMillis();
    this.maxEntries = properties.maxEntries();
    this.clock = clock;
  }

  /**
   * The user, when the password is his: from the cache while the entry is fresh, else checked by
   * the engine (and its login throttle) and then kept.
   */
  public Optional<Verified> verify(IdentityService identity, String userId, String password) {
    if (userId == null || userId.isEmpty() || password == null) {
      return Optional.empty();
    }
    if (ttlMillis == 0) {
      return check(identity, userId, password);
    }
    String fingerprint = fingerprint(userId, password);
    long now = clock.millis();
    Entry entry = entries.get(fingerprint);
    if (entry != null
        && entry.expiresAtMillis() > now
        && entry.generation() == generation.get()
        && entry.verified().userId().equals(userId)) {
      return Optional.of(entry.verified());
    }
    long before = generation.get();
    Optional<Verified> verified = check(identity, userId, password);
    if (verified.isPresent() && generation.get() == before) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(fingerprint, new Entry(verified.get(), now + ttlMillis, before));
    }
    return verified;
  }

  /** Forgets every verified credential (a user, password, group or membership changed). */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  /**
   * Moves on at every {@link #invalidateAll()}: what another cache of identities (a group's
   * members) read under one value is still true while it has not moved, on this node.
   */
  public long generation() {
    return generation.get();
  }

  /** How long a verified credential is trusted: what a change made on another node may take. */
  public long ttlMillis() {
    return ttlMillis;
  }

  /** The clock of the expiries. */
  public long millis() {
    return clock.millis();
  }

  int size() {
    return entries.size();
  }

  private static Optional<Verified> check(
      IdentityService identity, String userId, String password) {
    if (!identity.checkPassword(userId, password)) {
      return Optional.empty();
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    return Optional.of(new Verified(userId, groups, tenants));
  }

  private String fingerprint(String userId, String password) {
    try {
      Mac mac = (Mac) keyed.clone();
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
    }
  }
}
