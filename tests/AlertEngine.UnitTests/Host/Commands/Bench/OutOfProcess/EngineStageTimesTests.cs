using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.UnitTests.Host.Commands.Bench.OutOfProcess;

public sealed class EngineStageTimesTests
{
    private const string Before = """
        # TYPE alertengine_pipeline_stage_seconds histogram
        alertengine_pipeline_stage_seconds_sum{stage="page_plan"} 0.5
        alertengine_pipeline_stage_seconds_count{stage="page_plan"} 100
        alertengine_pipeline_stage_seconds_bucket{stage="page_plan",le="0.000016"} 0
        alertengine_pipeline_stage_seconds_sum{stage="normalise"} 0.01
        alertengine_pipeline_stage_seconds_count{stage="normalise"} 100
        alertengine_pipeline_stage_seconds_sum{stage="correlate"} 0.05
        alertengine_pipeline_stage_seconds_count{stage="correlate"} 100
        alertengine_build_info{version="1.0.0 (a b)"} 1
        """;

    private const string After = """
        alertengine_pipeline_stage_seconds_sum{stage="page_plan"} 0.7
        alertengine_pipeline_stage_seconds_count{stage="page_plan"} 300
        alertengine_pipeline_stage_seconds_sum{stage="normalise"} 0.022
        alertengine_pipeline_stage_seconds_count{stage="normalise"} 300
        alertengine_pipeline_stage_seconds_sum{stage="correlate"} 0.15
        alertengine_pipeline_stage_seconds_count{stage="correlate"} 300
        """;

    [Fact]
    public void Parse_StageHistograms_InPipelineOrder()
    {
        var stages = EngineStageTimes.Parse(Before)!.Stages;

        Assert.Equal(["normalise", "correlate", "page_plan"], stages.Select(s => s.Stage));
        Assert.Equal(new StageTime("page_plan", 100, TimeSpan.FromSeconds(0.5)), stages[2]);
        Assert.Equal(5, stages[2].MeanMs, 9);
    }

    [Fact]
    public void Between_TwoReadings_MeanPerEventOfTheEventsBetween()
    {
        var between = EngineStageTimes.Between(EngineStageTimes.Parse(Before), EngineStageTimes.Parse(After))!;

        Assert.Equal([0.06, 0.5, 1.0], between.Stages.Select(s => Math.Round(s.MeanMs, 6)));
        Assert.All(between.Stages, s => Assert.Equal(200, s.Events));
        Assert.Equal("normalise 0.060, correlate 0.500, page_plan 1.000 ms", between.ToString());
    }

    [Fact]
    public void Parse_EngineWithoutStageMetrics_Null()
    {
        Assert.Null(EngineStageTimes.Parse("dotnet_gc_pause_seconds_total 0.5\n"));
        Assert.Null(EngineStageTimes.Parse(null));
        Assert.Null(EngineGc.Parse(null));
        Assert.Null(EngineStageTimes.Between(null, EngineStageTimes.Parse(After)));
    }

    [Fact]
    public void Values_LabelValueWithSpaces_ReadsTheNumberAfterTheLastSpace()
    {
        var values = EngineMetricsText.Values(Before);

        Assert.Equal(1, values["alertengine_build_info{version=\"1.0.0 (a b)\"}"]);
        Assert.Equal(0.5, values["alertengine_pipeline_stage_seconds_sum{stage=\"page_plan\"}"]);
    }
}
