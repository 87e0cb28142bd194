package org.retrovue.pg.testing;

/**
 * Starts PostgreSQL in a container when a Docker engine answers. Testcontainers is looked up reflectively so that
 * the harness works where it is absent; on these machines there is no engine and this answers null quickly.
 */
final class TestcontainersPostgres {
    private TestcontainersPostgres() {}

    static TestPostgres startIfDockerAnswers() {
        if (!new java.io.File("/var/run/docker.sock").exists() && System.getenv("DOCKER_HOST") == null) {
            return null;
        }
        try {
            Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
            Object client = factory.getMethod("instance").invoke(null);
            if (!(Boolean) factory.getMethod("isDockerAvailable").invoke(client)) {
                return null;
            }
            Class<?> containerClass = Class.forName("org.testcontainers.containers.PostgreSQLContainer");
            Object container = containerClass.getConstructor(String.class).newInstance("postgres:17");
            containerClass.getMethod("start").invoke(container);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    containerClass.getMethod("stop").invoke(container);
                } catch (ReflectiveOperationException ignored) {
                    // the JVM is exiting; Testcontainers' reaper removes the container anyway
                }
            }));
            String url = (String) containerClass.getMethod("getJdbcUrl").invoke(container);
            String user = (String) containerClass.getMethod("getUsername").invoke(container);
            String password = (String) containerClass.getMethod("getPassword").invoke(container);
            return TestPostgres.of(url, user, password);
        } catch (ClassNotFoundException absent) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("Testcontainers could not start PostgreSQL, using the embedded server: " + e);
            return null;
        }
    }
}
