package io.tributary.catalog.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor(SecretOptionPolicy.defaults());

    @Test
    void masksCredentialsInFlinksOptionDumps() {
        String flink = "Could not execute CREATE CATALOG: (catalogName: [my], properties: [{base-url=jdbc:mysql://h:3306,"
                + " password=not-the-password, default-database=shop, type=jdbc, username=app}], ignoreIfExists:"
                + " [false])";
        assertThat(redactor.redact(flink))
                .doesNotContain("not-the-password")
                .contains("password=******")
                .contains("username=app")
                .contains("base-url=jdbc:mysql://h:3306");
    }

    @Test
    void masksCredentialsInStatementTextAndJson() {
        assertThat(redactor.redact("CREATE CATALOG c WITH ('type'='jdbc', 'password' = 'it''s secret',"
                + " 's3.secret-key'='abc', 'primary-key'='id')"))
                .contains("'password' = '******'")
                .contains("'s3.secret-key'='******'")
                .contains("'primary-key'='id'")
                .doesNotContain("it''s secret");
        assertThat(redactor.redact("{\"token\":\"xyz\",\"name\":\"a\"}")).isEqualTo("{\"token\":\"******\",\"name\":\"a\"}");
    }

    @Test
    void leavesOtherTextAlone() {
        String text = "Cannot find table 'x' in catalog default_catalog; a=b, c=d";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }
}
