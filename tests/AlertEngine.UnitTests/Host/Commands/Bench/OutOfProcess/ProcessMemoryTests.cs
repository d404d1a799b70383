using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.UnitTests.Host.Commands.Bench.OutOfProcess;

public sealed class ProcessMemoryTests
{
    // As Linux writes /proc/<pid>/status: a tab after the colon, the number right-aligned in spaces, then kB.
    private const string Status = "Name:\tdotnet\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t13816\n"
        + "VmPeak:\t271623340 kB\nVmSize:\t271537028 kB\nVmLck:\t       0 kB\nVmHWM:\t   86556 kB\nVmRSS:\t   86000 kB\n"
        + "RssAnon:\t   11276 kB\nRssFile:\t   64724 kB\nRssShmem:\t   10000 kB\nThreads:\t31\n";

    [Fact]
    public void Parse_ProcStatus_ResidentPeakAndAnonymousInBytes()
    {
        var memory = ProcessMemory.Parse(Status);

        Assert.NotNull(memory);
        Assert.Equal(86_000L * 1024, memory.ResidentBytes);
        Assert.Equal(86_556L * 1024, memory.PeakResidentBytes);
        Assert.Equal(11_276L * 1024, memory.AnonymousBytes);
        Assert.Equal(64_724L * 1024, memory.FileBytes);
        Assert.Equal(10_000L * 1024, memory.SharedBytes);
        Assert.Equal(memory.ResidentBytes, memory.AnonymousBytes + memory.FileBytes + memory.SharedBytes);
        Assert.Equal("RSS 88.1 MB (peak 88.6 MB, anonymous 11.5 MB, files 66.3 MB, JIT code and other shared 10.2 MB)", memory.ToString());
    }

    [Fact]
    public void Parse_ExitedProcessWithoutVmRss_Null()
    {
        // A zombie's status has no Vm* lines.
        Assert.Null(ProcessMemory.Parse("Name:\tdotnet\nState:\tZ (zombie)\nThreads:\t1\n"));
    }

    [Fact]
    public void Parse_NoPeakLine_PeakIsAtLeastTheCurrent()
    {
        var memory = ProcessMemory.Parse("VmRSS:\t 2048 kB\n");

        Assert.NotNull(memory);
        Assert.Equal(2048L * 1024, memory.PeakResidentBytes);
        Assert.Null(memory.AnonymousBytes);
        Assert.Null(memory.FileBytes);
        Assert.Equal("RSS 2.1 MB (peak 2.1 MB)", memory.ToString());
    }
}
