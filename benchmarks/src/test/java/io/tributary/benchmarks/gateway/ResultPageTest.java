package io.tributary.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResultPageTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void notReadyPointsToTheSamePageAgain() throws Exception {
        ResultPage page = ResultPage.fromJson(json.readTree("""
                {"resultType":"NOT_READY","nextResultUri":"/v2/sessions/s/operations/o/result/0?rowFormat=JSON"}
                """));

        assertThat(page.type()).isEqualTo(ResultPage.Type.NOT_READY);
        assertThat(page.rowCount()).isZero();
        assertThat(page.isLast()).isFalse();
        assertThat(page.nextResultPath()).hasValue("/v2/sessions/s/operations/o/result/0?rowFormat=JSON");
    }

    @Test
    void payloadCountsItsRows() throws Exception {
        ResultPage page = ResultPage.fromJson(json.readTree("""
                {"resultType":"PAYLOAD","isQueryResult":true,"resultKind":"SUCCESS_WITH_CONTENT",
                 "results":{"columns":[{"name":"EXPR$0"}],"rowFormat":"JSON",
                            "data":[{"kind":"INSERT","fields":[1]},{"kind":"INSERT","fields":[2]}]},
                 "nextResultUri":"/v2/sessions/s/operations/o/result/1?rowFormat=JSON"}
                """));

        assertThat(page.type()).isEqualTo(ResultPage.Type.PAYLOAD);
        assertThat(page.rowCount()).isEqualTo(2);
        assertThat(page.isLast()).isFalse();
    }

    @Test
    void anInsertNamesTheFlinkJobItSubmitted() throws Exception {
        ResultPage page = ResultPage.fromJson(json.readTree("""
                {"resultType":"PAYLOAD","isQueryResult":false,"jobID":"0123456789abcdef0123456789abcdef",
                 "resultKind":"SUCCESS_WITH_CONTENT",
                 "results":{"columns":[{"name":"job id"}],"rowFormat":"JSON",
                            "data":[{"kind":"INSERT","fields":["0123456789abcdef0123456789abcdef"]}]},
                 "nextResultUri":"/v2/sessions/s/operations/o/result/1?rowFormat=JSON"}
                """));

        assertThat(page.jobId()).hasValue("0123456789abcdef0123456789abcdef");
        assertThat(ResultPage.fromJson(json.readTree("{\"resultType\":\"NOT_READY\",\"jobID\":null}")).jobId())
                .isEmpty();
    }

    @Test
    void endOfStreamIsTheLastPage() throws Exception {
        ResultPage page = ResultPage.fromJson(json.readTree("""
                {"resultType":"EOS","results":{"columns":[],"rowFormat":"JSON","data":[]}}
                """));

        assertThat(page.isLast()).isTrue();
        assertThat(page.nextResultPath()).isEmpty();
    }

    @Test
    void anAnswerWithoutResultTypeIsAnError() {
        assertThatThrownBy(() -> ResultPage.fromJson(json.readTree("{\"errors\":[\"boom\"]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("without resultType");
    }
}
