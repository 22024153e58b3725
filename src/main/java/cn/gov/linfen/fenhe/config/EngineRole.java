package cn.gov.linfen.fenhe.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean or configuration of the engine role only: present unless {@code fenhe.role.engine} is
 * {@code false} (a workers-only node, docs/architecture.md). The one way Fenhe states the role.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = EngineRole.PROPERTY, havingValue = "true", matchIfMissing = true)
public @interface EngineRole {

  /** {@code fenhe.role.engine}: {@code true} (default) runs the engine, REST API and pages. */
  String PROPERTY = "fenhe.role.engine";
}
