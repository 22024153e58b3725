package cn.gov.linfen.fenhe.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;

/**
 * A class loader that answers the REST API's look-up of its engine provider from memory and leaves
 * everything else to its parent.
 *
 * <p>Camunda's REST API finds its engine at every request, in the authentication filter and in each
 * resource, with {@code ServiceLoader.load(ProcessEngineProvider.class)} on the thread's context
 * class loader. The {@code ServiceLoader} reads the services file anew each time, with URL caches
 * off; inside the executable jar that opens the nested jar again, 5–6.5 % of the application's CPU
 * in the benchmark (docs/benchmarks.md, run Z5). This loader reads the file once, when it is made,
 * and hands the {@code ServiceLoader} copies in memory: the same provider classes, in the same
 * order, loaded by the parent. Every other resource and every class comes from the parent as
 * before.
 */
final class EngineProviderClassLoader extends ClassLoader {

  static final String PROVIDER_FILE = "META-INF/services/" + ProcessEngineProvider.class.getName();

  static {
    registerAsParallelCapable();
  }

  private final List<URL> providerFiles;

  EngineProviderClassLoader(ClassLoader parent) {
    super("fenhe-engine-provider", parent);
    try {
      List<URL> copies = new ArrayList<>();
      for (URL file : Collections.list(parent.getResources(PROVIDER_FILE))) {
        copies.add(inMemory(file, copies.size()));
      }
      this.providerFiles = List.copyOf(copies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return PROVIDER_FILE.equals(name)
        ? Collections.enumeration(providerFiles)
        : super.getResources(name);
  }

  @Override
  public URL getResource(String name) {
    if (PROVIDER_FILE.equals(name)) {
      return providerFiles.isEmpty() ? null : providerFiles.get(0);
    }
    return super.getResource(name);
  }

  private static URL inMemory(URL file, int index) throws IOException {
    byte[] content;
    try (InputStream in = file.openStream()) {
      content = in.readAllBytes();
    }
    URLStreamHandler handler =
        new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
              @Override
              public void connect() {
                connected = true;
              }

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
              }
            };
          }
        };
    return new URL(null, "fenhe-memory:/" + index + "/" + PROVIDER_FILE, handler);
  }
}
