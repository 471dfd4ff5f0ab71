package jp.expirynotices.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.expirynotices.ExpiryNoticesApplication;

/** The application in its own JVM, with its log collected (stdout and stderr together). */
public record Child(Process process, StringBuffer log, List<Waiter> waiters) {

    record Waiter(String text, CountDownLatch latch) {
    }

    public static Child start(List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ExpiryNoticesApplication.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Child child = new Child(process, new StringBuffer(), new java.util.concurrent.CopyOnWriteArrayList<>());
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    child.log.append(line).append('\n');
                    for (Waiter w : child.waiters) {
                        if (line.contains(w.text)) {
                            w.latch.countDown();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        pump.setDaemon(true);
        pump.start();
        return child;
    }

    public boolean awaitLine(String text, int seconds) throws InterruptedException {
        Waiter w = new Waiter(text, new CountDownLatch(1));
        waiters.add(w);
        if (log.toString().contains(text)) {
            return true;
        }
        return w.latch.await(seconds, TimeUnit.SECONDS);
    }

    public String output() {
        return log.toString();
    }
}
