using AlertEngine.Correlate;
using AlertEngine.Ingest;
using AlertEngine.Paging;
using AlertEngine.Pipeline;

namespace AlertEngine.UnitTests.Pipeline;

/// <summary>The stage label of alertengine_pipeline_stage_seconds: what dashboards and the paging benchmark read.</summary>
public sealed class EngineMetricsStageNameTests
{
    [Fact]
    public void StageName_PipelineStages_SnakeCaseWithoutStage()
    {
        Assert.Equal("normalise", EngineMetrics.StageName(typeof(NormaliseStage)));
        Assert.Equal("correlate", EngineMetrics.StageName(typeof(CorrelateStage)));
        Assert.Equal("page_plan", EngineMetrics.StageName(typeof(PagePlanStage)));
        Assert.Equal("engine_metrics_stage_name_tests", EngineMetrics.StageName(typeof(EngineMetricsStageNameTests)));
    }
}
