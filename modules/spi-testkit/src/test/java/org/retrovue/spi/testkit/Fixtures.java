package org.retrovue.spi.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceKind;

/**
 * The contract run against the well-behaved {@link FakeKind} and against kinds broken on purpose, one way each.
 * {@link SourceKindContractTest} runs them with JUnit's engine test kit; surefire leaves these nested classes alone.
 */
final class Fixtures {
    private Fixtures() {}

    static final String WRONG_TOKEN = "wrong-token-0815";

    /** A fresh remote with two items per test, failing options (a wrong token), a remote that can break, a changed option. */
    abstract static class FakeContract extends SourceKindContract {
        final FakeRemote remote = FakeRemote.create(items());

        List<String> items() {
            return List.of("Pilot.mkv", "Second.mkv");
        }

        @Override
        protected SourceKind kind() {
            return new FakeKind();
        }

        @Override
        protected Map<String, String> workingOptions() {
            return Map.of("location", remote.name, "token", FakeRemote.TOKEN);
        }

        @Override
        protected Map<String, String> failingOptions() {
            return Map.of("location", remote.name, "token", WRONG_TOKEN);
        }

        @Override
        protected boolean breakRemote() {
            remote.broken = true;
            return true;
        }

        @Override
        protected Map<String, String> changedOptions() {
            return Map.of("page-size", "50");
        }

        @Override
        protected Duration answerWithin() {
            return Duration.ofSeconds(1);
        }
    }

    static final class WellBehaved extends FakeContract {}

    /** Gives the contract nothing to break and nothing to change. */
    static final class NothingToBreak extends FakeContract {
        @Override
        protected Map<String, String> failingOptions() {
            return null;
        }

        @Override
        protected boolean breakRemote() {
            return false;
        }

        @Override
        protected Map<String, String> changedOptions() {
            return null;
        }
    }

    /** A kind built before scanning (it keeps the SPI's answer: cannot scan). */
    static final class CannotScan extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
                            throw new SourceException(SourceException.Code.INTERNAL, "this source type cannot scan its collections");
                        }
                    };
                }
            };
        }
    }

    static final class NoItems extends FakeContract {
        @Override
        List<String> items() {
            return List.of();
        }
    }

    /** Failures (discovery and scans) say what is wrong on two lines. */
    static final class MultiLineFailures extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        void check() throws SourceException {
                            try {
                                super.check();
                            } catch (SourceException e) {
                                throw new SourceException(e.code(), "the remote failed:\n" + e.getMessage());
                            }
                        }
                    };
                }
            };
        }
    }

    /** Failures name the token they were given (the working one when the remote breaks, the wrong one when refused). */
    static final class SecretInFailures extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        void check() throws SourceException {
                            try {
                                super.check();
                            } catch (SourceException e) {
                                throw new SourceException(e.code(), e.getMessage() + " (token " + token + ")");
                            }
                        }
                    };
                }
            };
        }
    }

    /** The message is clean, but its cause holds the request with the token. */
    static final class SecretInCause extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        void check() throws SourceException {
                            try {
                                super.check();
                            } catch (SourceException e) {
                                throw new SourceException(e.code(), e.getMessage(), new IOException("GET /" + remote.name + "?token=" + token + " failed"));
                            }
                        }
                    };
                }
            };
        }
    }

    static final class HealthHangs extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public SourceHealth health() {
                            try {
                                Thread.sleep(Duration.ofHours(1));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return super.health();
                        }
                    };
                }
            };
        }
    }

    /** health() tells the operator which token was refused. */
    static final class HealthLeaksTheToken extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public SourceHealth health() {
                            SourceHealth health = super.health();
                            return health.problem() == null ? health
                                    : new SourceHealth(health.reachable(), health.credentials(), null, null, health.problem() + ": " + token);
                        }
                    };
                }
            };
        }
    }

    /** health() of a broken remote says all is well. */
    static final class HealthAlwaysHealthy extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public SourceHealth health() {
                            return SourceHealth.healthy(SourceHealth.Check.OK, "Fake", "1.0");
                        }
                    };
                }
            };
        }
    }

    /** Keeps the SPI's health(), which checks nothing. */
    static final class DefaultHealth extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new FakeConnection(remote, token);
                }
            };
        }
    }

    static final class DisplayNameOnTwoLines extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public String displayName() {
                            return "fake remote\n'" + remote.name + "'";
                        }
                    };
                }
            };
        }
    }

    static final class DisplayNameWithTheToken extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public String displayName() {
                            return "fake remote " + remote.name + "?token=" + token;
                        }
                    };
                }
            };
        }
    }

    /** Warns of what it left out on two lines, one of which holds the token. */
    static final class BadWarnings extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
                            return super.collections(warning -> warnings.accept(warning + "\nasked with token " + token));
                        }
                    };
                }
            };
        }
    }

    /** Leaves nothing out, so it warns of nothing. */
    static final class NoWarnings extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                FakeConnection connection(FakeRemote remote, String token) {
                    return new CheckedConnection(remote, token) {
                        @Override
                        public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
                            return super.collections(warning -> {});
                        }
                    };
                }
            };
        }
    }

    /** An example that uses a flag the kind does not declare; only a secret option has a {@code --NAME-file} form. */
    static final class ExampleWithAnUnknownFlag extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                public String example() {
                    return "--location shelf-1 --token TOKEN --location-file /media/shelf";
                }
            };
        }
    }

    /**
     * Stores {@code --location} as {@code where}: its options cannot be read back out of its config. RetroVue keeps
     * the operator's options and never does, so this is no fault.
     */
    static final class StoresLocationAsWhere extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                public Map<String, Object> validate(Map<String, String> options) throws SourceException {
                    Map<String, Object> config = new java.util.LinkedHashMap<>(super.validate(options));
                    config.put("where", config.remove("location"));
                    return config;
                }

                @Override
                String locationKey() {
                    return "where";
                }
            };
        }
    }

    /** Stamps its config with the time of validation: adding and updating with the same options differ. */
    static final class ConfigDependsOnTheClock extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                public Map<String, Object> validate(Map<String, String> options) throws SourceException {
                    Map<String, Object> config = new java.util.LinkedHashMap<>(super.validate(options));
                    config.put("validated_at", System.nanoTime());
                    return config;
                }
            };
        }
    }

    /** Ignores --page-size: an update that changes it changes nothing. */
    static final class IgnoresAChangedOption extends FakeContract {
        @Override
        protected SourceKind kind() {
            return new FakeKind() {
                @Override
                public Map<String, Object> validate(Map<String, String> options) throws SourceException {
                    Map<String, Object> config = new java.util.LinkedHashMap<>(super.validate(options));
                    config.remove("page_size");
                    return config;
                }
            };
        }
    }
}
