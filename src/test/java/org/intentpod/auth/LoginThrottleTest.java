package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failed logins are limited; this test trips the limit on purpose, on a server of its own. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoginThrottleTest {

    @Test
    void tooManyFailuresAre429EvenWithTheRightPassword() {
        try (TestPod pod = TestPod.start()) {
            String body = "{\"username\":\"ivan\",\"password\":\"correct horse battery\",\"kind\":\"person\",\"name\":\"Ivan\"}";
            assertEquals(201, pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
            for (int i = 0; i < TestPod.MAX_LOGIN_FAILURES; i++) {
                assertEquals(401, login(pod, "wrong password " + i));
            }
            assertEquals(429, login(pod, "correct horse battery"));
        }
    }

    private static int login(TestPod pod, String password) {
        return pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic("ivan", password))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
    }
}
