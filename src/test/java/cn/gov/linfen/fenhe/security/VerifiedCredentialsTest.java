package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified credentials on its own: what it keeps, for how long, and what empties it.
 */
class VerifiedCredentialsTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-07T01:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private IdentityService identity;
  private VerifiedCredentials credentials;

  @BeforeEach
  void setUp() {
    identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(identity.checkPassword("officer", "right")).thenReturn(true);
    when(identity.checkPassword("officer", "wrong")).thenReturn(false);
    when(identity.createGroupQuery().groupMember(anyString()).list()).thenReturn(List.of());
    when(identity.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true).list())
        .thenReturn(List.of());
    credentials =
        new VerifiedCredentials(new CredentialsCacheProperties(Duration.ofSeconds(30), 100), clock);
  }

  @Test
  void correct_credentials_are_checked_once_within_the_time_to_live_and_again_after_it() {
    for (int i = 0; i < 5; i++) {
      assertThat(credentials.verify(identity, "officer", "right")).isPresent();
    }
    verify(identity, times(1)).checkPassword("officer", "right");

    now.set(now.get().plusSeconds(31));
    assertThat(credentials.verify(identity, "officer", "right")).isPresent();
    verify(identity, times(2)).checkPassword("officer", "right");
  }

  @Test
  void a_wrong_password_is_never_kept_and_another_password_is_a_different_entry() {
    assertThat(credentials.verify(identity, "officer", "right")).isPresent();
    for (int i = 0; i < 3; i++) {
      assertThat(credentials.verify(identity, "officer", "wrong")).isEmpty();
    }
    verify(identity, times(3)).checkPassword("officer", "wrong");
    assertThat(credentials.size()).isEqualTo(1);
  }

  @Test
  void an_invalidation_makes_the_next_call_ask_the_engine_again() {
    credentials.verify(identity, "officer", "right");
    credentials.invalidateAll();
    assertThat(credentials.size()).isZero();
    credentials.verify(identity, "officer", "right");
    verify(identity, times(2)).checkPassword("officer", "right");
  }

  @Test
  void a_time_to_live_of_zero_turns_the_cache_off() {
    VerifiedCredentials off =
        new VerifiedCredentials(new CredentialsCacheProperties(Duration.ZERO, 100), clock);
    off.verify(identity, "officer", "right");
    off.verify(identity, "officer", "right");
    verify(identity, times(2)).checkPassword("officer", "right");
    assertThat(off.size()).isZero();
  }

  @Test
  void the_engines_identity_changing_commands_are_recognised_and_queries_are_not() {
    assertThat(
            IdentityChangeInterceptor.isIdentityChange(
                new org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd("u", "g")))
        .isTrue();
    assertThat(
            IdentityChangeInterceptor.isIdentityChange(
                new org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd("u", "g")))
        .isTrue();
    assertThat(
            IdentityChangeInterceptor.isIdentityChange(
                new org.camunda.bpm.engine.impl.cmd.CreateGroupQueryCmd()))
        .isFalse();
  }
}
