package cn.gov.linfen.fenhe.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the engine's Tasklist.
 *
 * @param defaultFilter the name of the shared filter every Tasklist user sees (all tasks the user
 *     may see), created at start-up when missing ({@link TasklistFilter}); empty: none
 */
@Validated
@ConfigurationProperties("fenhe.tasklist")
public record TasklistProperties(@DefaultValue("我的待办") String defaultFilter) {}
