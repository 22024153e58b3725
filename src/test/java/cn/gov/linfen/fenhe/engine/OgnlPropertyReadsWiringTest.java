package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's mappings read the query objects' properties with {@link OgnlPropertyReads}: it was
 * in place before the engine's first statement, so the query classes resolved to it (issue 20).
 */
class OgnlPropertyReadsWiringTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @Test
  void the_engines_queries_read_their_properties_with_the_kept_look_up() throws Exception {
    // the engine has run queries of these classes at start (deployment, identities, filter)
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId("none").list())
        .isEmpty();
    engine.getRuntimeService().createProcessInstanceQuery().count();
    for (Class<?> query :
        new Class<?>[] {
          TaskQueryImpl.class, ProcessInstanceQueryImpl.class, AuthorizationCheck.class
        }) {
      assertThat(OgnlRuntime.getPropertyAccessor(query)).isInstanceOf(OgnlPropertyReads.class);
    }
  }
}
