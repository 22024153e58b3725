package cn.gov.linfen.fenhe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The REST API's engine look-up reads its services file once (issue 20, run Z8). */
class EngineProviderLookupTest {

  /** Counts how often the services file is asked for. */
  private static final class CountingLoader extends ClassLoader {
    final AtomicInteger providerFileReads = new AtomicInteger();

    CountingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (EngineProviderClassLoader.PROVIDER_FILE.equals(name)) {
        providerFileReads.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  private static List<String> providers(ClassLoader loader) {
    return ServiceLoader.load(ProcessEngineProvider.class, loader).stream()
        .map(provider -> provider.type().getName())
        .toList();
  }

  @Test
  void the_services_file_is_read_once_and_gives_the_same_providers_as_the_jar() {
    CountingLoader parent = new CountingLoader(getClass().getClassLoader());
    List<String> fromTheJar = providers(parent);
    assertThat(fromTheJar)
        .contains("org.camunda.bpm.spring.boot.starter.rest.spi.SpringBootProcessEngineProvider");
    assertThat(parent.providerFileReads).hasValue(1);

    EngineProviderClassLoader loader = new EngineProviderClassLoader(parent);
    assertThat(parent.providerFileReads).hasValue(2);
    for (int i = 0; i < 5; i++) {
      assertThat(providers(loader)).isEqualTo(fromTheJar);
    }
    assertThat(parent.providerFileReads).as("read only when the loader was made").hasValue(2);
    ProcessEngineProvider provider =
        ServiceLoader.load(ProcessEngineProvider.class, loader).findFirst().orElseThrow();
    assertThat(provider.getClass().getClassLoader())
        .as("the provider class is the parent's")
        .isSameAs(
            ServiceLoader.load(ProcessEngineProvider.class, parent)
                .findFirst()
                .orElseThrow()
                .getClass()
                .getClassLoader());
  }

  @Test
  void every_other_resource_and_class_comes_from_the_parent() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    EngineProviderClassLoader loader = new EngineProviderClassLoader(parent);
    assertThat(loader.getResource("application.yml"))
        .isEqualTo(parent.getResource("application.yml"));
    assertThat(loader.getResource("no/such/file.txt")).isNull();
    assertThat(loader.loadClass(EngineUtil.class.getName())).isSameAs(EngineUtil.class);
    assertThat(loader.getResource(EngineProviderClassLoader.PROVIDER_FILE)).isNotNull();
  }

  @Test
  void a_request_looks_up_through_the_loader_and_the_threads_own_loader_comes_back()
      throws Exception {
    EngineProviderLookupFilter filter = new EngineProviderLookupFilter();
    ClassLoader own = Thread.currentThread().getContextClassLoader();
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    AtomicReference<String> provider = new AtomicReference<>();
    FilterChain chain =
        (request, response) -> {
          during.set(Thread.currentThread().getContextClassLoader());
          provider.set(EngineUtil.getProcessEngineProvider().getClass().getSimpleName());
        };
    filter.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task"),
        new MockHttpServletResponse(),
        chain);

    assertThat(during.get()).isInstanceOf(EngineProviderClassLoader.class);
    assertThat(during.get().getParent()).isSameAs(own);
    assertThat(provider.get())
        .isEqualTo(EngineUtil.getProcessEngineProvider().getClass().getSimpleName());
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
  }

  @Test
  void a_failing_request_also_gives_the_thread_its_own_loader_back() {
    EngineProviderLookupFilter filter = new EngineProviderLookupFilter();
    ClassLoader own = Thread.currentThread().getContextClassLoader();
    FilterChain failing =
        (request, response) -> {
          throw new ServletException("mid-way");
        };
    assertThatThrownBy(
            () ->
                filter.doFilter(
                    new MockHttpServletRequest("GET", "/engine-rest/task"),
                    new MockHttpServletResponse(),
                    failing))
        .hasMessage("mid-way");
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
  }

  @Test
  void a_request_with_another_loader_is_left_as_it_is() throws Exception {
    EngineProviderLookupFilter filter = new EngineProviderLookupFilter();
    ClassLoader own = Thread.currentThread().getContextClassLoader();
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    FilterChain chain =
        (request, response) -> during.set(Thread.currentThread().getContextClassLoader());
    filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
    ClassLoader other = new ClassLoader(own) {};
    Thread.currentThread().setContextClassLoader(other);
    try {
      filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
      assertThat(during.get()).isSameAs(other);
    } finally {
      Thread.currentThread().setContextClassLoader(own);
    }
  }
}
