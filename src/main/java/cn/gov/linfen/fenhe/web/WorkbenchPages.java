package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.config.EngineRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The workbench (工作台, src/main/frontend, built by Vite into {@code static/fenhe/}): {@code /fenhe/}
 * serves its page, whose screens are routed in the page ({@code /fenhe/#/todo}), so no other
 * address needs a fallback. The platform's other pages ({@code /fenhe/*.html}) are served as they
 * are. At start-up the log prints the addresses, the workbench first.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class WorkbenchPages implements WebMvcConfigurer {

  static final String WORKBENCH = "/fenhe/";
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchPages.class);

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/fenhe", WORKBENCH);
    registry.addViewController(WORKBENCH).setViewName("forward:/fenhe/index.html");
  }

  @EventListener
  void printAddresses(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)
        || web.getWebServer() == null) {
      return;
    }
    String base =
        "http://localhost:"
            + web.getWebServer().getPort()
            + event
                .getApplicationContext()
                .getEnvironment()
                .getProperty("server.servlet.context-path", "");
    LOG.info(
        """

        ================================================================================
         汾河工作台 / workbench (case officers, applicants):  {}
         任务列表 / Tasklist:       {}
         监控中心 / Cockpit:        {}
         管理中心 / Admin:          {}
         平台接口 / platform API:   {}
        ================================================================================""",
        base + WORKBENCH,
        base + "/camunda/app/tasklist/",
        base + "/camunda/app/cockpit/",
        base + "/camunda/app/admin/",
        base + "/api/");
  }
}
