package io.httptriage.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one command, parsed strictly against what the command accepts: an unknown
 * option, a missing value, an option given twice or a stray argument fails with a {@link
 * CommandFailure} that names it. Options may be written {@code --name value} or {@code
 * --name=value}; a negative number is an argument, not an option.
 *
 * <p>Immutable once parsed.
 */
final class Arguments {
  private final List<String> positionals;
  private final Map<String, List<String>> options;

  private Arguments(List<String> positionals, Map<String, List<String>> options) {
    this.positionals = List.copyOf(positionals);
    this.options = options;
  }

  /** Whether a flag was given. */
  boolean flag(String name) {
    return options.containsKey(name);
  }

  /** The value of an option given at most once. */
  Optional<String> value(String name) {
    List<String> values = options.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a repeatable option, in order. */
  List<String> values(String name) {
    return options.getOrDefault(name, List.of());
  }

  /** The arguments that are not options, in order. */
  List<String> positionals() {
    return positionals;
  }

  /** What one command accepts. */
  static final class Spec {
    private enum Arity { FLAG, VALUE, REPEATABLE }

    private final String command;
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Arity> arity = new HashMap<>();
    private int minPositionals;
    private int maxPositionals;
    private String positionalHint = "";

    Spec(String command) {
      this.command = command;
    }

    /** An option without a value, under its name and aliases. */
    Spec flag(String name, String... aliases) {
      return option(Arity.FLAG, name, aliases);
    }

    /** An option with one value, given at most once. */
    Spec value(String name, String... aliases) {
      return option(Arity.VALUE, name, aliases);
    }

    /** An option with one value, given any number of times. */
    Spec repeatable(String name, String... aliases) {
      return option(Arity.REPEATABLE, name, aliases);
    }

    /** How many plain arguments the command takes, and how to ask for them when missing. */
    Spec positionals(int min, int max, String hint) {
      this.minPositionals = min;
      this.maxPositionals = max;
      this.positionalHint = hint;
      return this;
    }

    private Spec option(Arity a, String name, String... aliases) {
      arity.put(name, a);
      canonical.put(name, name);
      for (String alias : aliases) {
        canonical.put(alias, name);
      }
      return this;
    }

    /**
     * Parses the arguments after the command name.
     *
     * @throws CommandFailure naming the first thing wrong
     */
    Arguments parse(List<String> args) {
      List<String> plain = new ArrayList<>();
      Map<String, List<String>> given = new LinkedHashMap<>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (!isOption(arg)) {
          plain.add(arg);
          continue;
        }
        int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
        String written = eq < 0 ? arg : arg.substring(0, eq);
        String name = canonical.get(written);
        if (name == null) {
          throw new CommandFailure("unknown option '" + written + "' for " + command);
        }
        Arity a = arity.get(name);
        String value;
        if (a == Arity.FLAG) {
          if (eq >= 0) {
            throw new CommandFailure("option " + written + " takes no value");
          }
          value = "";
        } else if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new CommandFailure("option " + written + " needs a value");
        }
        List<String> values = given.computeIfAbsent(name, k -> new ArrayList<>());
        if (!values.isEmpty() && a != Arity.REPEATABLE) {
          throw new CommandFailure("option " + written + " given more than once");
        }
        values.add(value);
      }
      if (plain.size() > maxPositionals) {
        throw new CommandFailure("unexpected argument '" + plain.get(maxPositionals) + "' for " + command);
      }
      if (plain.size() < minPositionals) {
        throw new CommandFailure(command + " needs " + positionalHint);
      }
      return new Arguments(plain, given);
    }

    private static boolean isOption(String arg) {
      return arg.length() > 1 && arg.charAt(0) == '-' && !arg.matches("-\\d+");
    }
  }
}
