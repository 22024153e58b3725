package cn.gov.linfen.fenhe.engine.guard;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the arguments of an engine command (its protected fields: the engine offers no getters) so
 * that a guard can look at them before the command runs.
 */
final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  @SuppressWarnings("unchecked")
  static <T> T read(Object command, String name) {
    Field field =
        FIELDS.computeIfAbsent(
            command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot read " + name + " of " + command.getClass().getSimpleName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(
        type.getSimpleName()
            + " has no field "
            + name
            + ": the engine changed, review the guards in "
            + CommandFields.class.getPackageName());
  }
}
