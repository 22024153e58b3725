package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link CachingEngineAuthenticationFilter} answers the engine it was given for that engine's name,
 * without Camunda's service look-up (which would find the application's engine, not the one given
 * here), and looks any other name up as Camunda does: an unknown engine is none.
 */
class CachingEngineAuthenticationFilterTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired VerifiedCredentials credentials;

  @Test
  void the_given_engine_by_its_name_and_any_other_name_looked_up() {
    ProcessEngine given = mock(ProcessEngine.class);
    when(given.getName()).thenReturn(engine.getName());
    CachingEngineAuthenticationFilter filter =
        new CachingEngineAuthenticationFilter(credentials, given);
    assertThat(filter.getAddressedEngine(engine.getName())).isSameAs(given);

    ProcessEngine elsewhere = mock(ProcessEngine.class);
    when(elsewhere.getName()).thenReturn("elsewhere");
    CachingEngineAuthenticationFilter other =
        new CachingEngineAuthenticationFilter(credentials, elsewhere);
    assertThat(other.getAddressedEngine(engine.getName())).isSameAs(engine);
    assertThat(other.getAddressedEngine("no-such-engine")).isNull();
  }
}
