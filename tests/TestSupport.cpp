#include "TestSupport.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/ml/Trainer.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>
#include <fstream>
#include <cstdio>
#include <random>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace delineo::test {

TempDir::TempDir()
{
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("delineo-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string sharedData(const std::string& relative)
{
    const fs::path p = fs::path(DELINEO_SHARED_DATA) / relative;
    return fs::exists(p) ? p.string() : std::string();
}

void writeDiscImage(const std::string& path, int w, int h, int cx, int cy, int r)
{
    cv::Mat m(h, w, CV_8UC3, cv::Scalar(40, 60, 150));
    cv::circle(m, cv::Point(cx, cy), r, cv::Scalar(200, 220, 250), cv::FILLED, cv::LINE_8);
    cv::imwrite(path, m);
}

bool writeMjpegClip(const std::string& path, int frames, int w, int h, const std::function<std::array<int, 3>(int)>& colour)
{
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(w, h));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < frames; ++i) {
        const auto c = colour(i);
        writer.write(cv::Mat(h, w, CV_8UC3, cv::Scalar(c[0], c[1], c[2])));
    }
    return true;
}

namespace {
// Grey levels per step of a frame number: fine for MJPEG, coarse enough for H.264's losses.
int stepOf(const std::string& path) { return path.size() > 4 && path.substr(path.size() - 4) == ".mp4" ? 12 : 4; }
} // namespace

void writeNumberedVideo(const std::string& path, int frames, int w, int h)
{
    const bool h264 = stepOf(path) == 12;
    cv::VideoWriter writer(path, cv::CAP_FFMPEG,
                           h264 ? cv::VideoWriter::fourcc('a', 'v', 'c', '1') : cv::VideoWriter::fourcc('M', 'J', 'P', 'G'),
                           25.0, cv::Size(w, h));
    ASSERT_TRUE(writer.isOpened());
    const int step = stepOf(path), base = 256 / step;
    for (int i = 0; i < frames; ++i) {
        cv::Mat f(h, w, CV_8UC3, cv::Scalar::all((i % base) * step));
        f(cv::Rect(w / 2, 0, w - w / 2, h)).setTo(cv::Scalar::all((i / base) * step));
        writer.write(f);
    }
}

int numberedFrameIndex(const core::Image& img)
{
    const int step = stepOf(img.path), base = 256 / step;
    auto grey = [&](int x, int y) { return img.bytes[(static_cast<std::size_t>(y) * img.width + x) * 3]; };
    return (grey(img.width / 4, img.height / 2) + step / 2) / step +
           base * ((grey(3 * img.width / 4, img.height / 2) + step / 2) / step);
}

core::LabelMap discMask(int w, int h, int cx, int cy, int r)
{
    cv::Mat m(h, w, CV_8UC1, cv::Scalar(0));
    cv::circle(m, cv::Point(cx, cy), r, cv::Scalar(1), cv::FILLED, cv::LINE_8);
    core::LabelMap out(w, h);
    std::copy(m.data, m.data + m.total(), out.labels.begin());
    return out;
}

void writeDicomSlice(const std::string& path, const std::string& seriesUid, int instance, double x, double y,
                     double z, unsigned short value)
{
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    char uid[128];
    std::snprintf(uid, sizeof uid, "%s.%d", seriesUid.c_str(), instance);
    ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, uid);
    ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
    ds->putAndInsertString(DCM_StudyInstanceUID, (seriesUid + ".0.1").c_str());
    ds->putAndInsertString(DCM_FrameOfReferenceUID, (seriesUid + ".0.2").c_str());
    ds->putAndInsertString(DCM_PatientName, "Test^Patient");
    ds->putAndInsertString(DCM_PatientID, "TP-0001");
    ds->putAndInsertString(DCM_StudyDate, "20240102");
    ds->putAndInsertString(DCM_SliceThickness, "2");
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_InstanceNumber, std::to_string(instance).c_str());
    char pos[96];
    std::snprintf(pos, sizeof pos, "%g\\%g\\%g", x, y, z);
    ds->putAndInsertString(DCM_ImagePositionPatient, pos);
    ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    ds->putAndInsertString(DCM_PixelSpacing, "0.8\\0.8");
    ds->putAndInsertUint16(DCM_Rows, 6);
    ds->putAndInsertUint16(DCM_Columns, 8);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    std::vector<Uint16> px(48, value);
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), 48);
    ASSERT_TRUE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
}

int runUnprivileged(const std::function<int()>& body)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(98);
        int rc = 99;
        try {
            rc = body();
        } catch (...) {
        }
        ::_exit(rc);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Child spawnReading(const std::string& program, const std::vector<std::string>& args)
{
    int out[2];
    if (::pipe(out) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid < 0)
        return {};
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        std::vector<char*> argv{const_cast<char*>(program.c_str())};
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    return {pid, ::fdopen(out[0], "r")};
}

int runCommand(const std::string& command, std::string* output)
{
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return -1;
    std::array<char, 4096> buf{};
    std::string text;
    while (size_t n = std::fread(buf.data(), 1, buf.size(), pipe))
        text.append(buf.data(), n);
    const int status = ::pclose(pipe);
    if (output)
        *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

namespace {

// The disc frames' masks in DIR/masks, and `cfg` trained on DIR/frameI.png with them: DIR/OUT.
void trainOnDiscs(const TempDir& dir, int count, int w, int h, int cx0, int step, int cy, int r,
                  const ml::ModelConfig& cfg, const std::string& out, int epochs)
{
    std::filesystem::create_directories(dir.path() / "masks");
    for (int i = 0; i < count; ++i)
        core::saveMask(dir.file("masks/frame" + std::to_string(i) + ".png"), discMask(w, h, cx0 + step * i, cy, r), 1);
    ml::TrainOptions opt;
    opt.epochs = epochs;
    opt.batchSize = count;
    opt.outputPath = dir.file(out);
    core::SegmentationDataset data(core::SegmentationDataset::folderPairs(dir.path().string(), dir.file("masks")), cfg);
    ml::train(cfg, opt, data, nullptr, nullptr, nullptr);
}

} // namespace

void trainTinyModel(const TempDir& dir, int count, int w, int h, int cx0, int step, int cy, int r, int inputSize,
                    int epochs)
{
    ml::ModelConfig cfg;
    cfg.baseWidth = 4;
    cfg.depth = 2;
    cfg.inputSize = inputSize;
    trainOnDiscs(dir, count, w, h, cx0, step, cy, r, cfg, "tiny.pt", epochs);
}

ml::ModelConfig tinyAssistConfig(int inputSize)
{
    ml::ModelConfig cfg;
    cfg.architecture = "prompt_unet";
    cfg.promptChannels = 4;
    cfg.classes = {{"object", {60, 220, 90}}};
    cfg.baseWidth = 4;
    cfg.depth = 2;
    cfg.inputSize = inputSize;
    return cfg;
}

void trainTinyAssistModel(const TempDir& dir, int count, int w, int h, int cx0, int step, int cy, int r, int epochs)
{
    trainOnDiscs(dir, count, w, h, cx0, step, cy, r, tinyAssistConfig(64), "assist.pt", epochs);
}

bool killWhenExists(const std::string& appears, const std::string& pidFile)
{
    for (int i = 0; i < 600 && !std::filesystem::exists(appears); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!std::filesystem::exists(appears))
        return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // into the next epoch
    int pid = 0;
    std::ifstream(pidFile) >> pid;
    return pid > 0 && ::kill(pid, SIGKILL) == 0;
}

void writeSlicerSegmentation(const std::string& path, std::array<int, 3> sizes, std::array<double, 3> spacing,
                             std::array<double, 3> origin, const std::string& segmentFields,
                             const std::vector<char>& voxels, int layers)
{
    std::ofstream out(path, std::ios::binary);
    const bool list = layers > 1; // a first axis of layers, as Slicer writes overlapping segments
    out << "NRRD0004\ntype: unsigned char\ndimension: " << (list ? 4 : 3) << "\nspace: left-posterior-superior\nsizes: ";
    if (list)
        out << layers << ' ';
    out << sizes[0] << ' ' << sizes[1] << ' ' << sizes[2] << "\nspace directions: " << (list ? "none " : "") << "("
        << spacing[0] << ",0,0) (0," << spacing[1] << ",0) (0,0," << spacing[2] << ")\nkinds: "
        << (list ? "list " : "") << "domain domain domain\nencoding: raw\nspace origin: (" << origin[0] << ','
        << origin[1] << ',' << origin[2] << ")\n"
        << segmentFields << "\n";
    out.write(voxels.data(), std::streamsize(voxels.size()));
}

std::unique_ptr<DcmFileFormat> enhancedMr(const std::vector<int>& z, int echoes)
{
    const std::size_t N = z.size();
    auto file = std::make_unique<DcmFileFormat>();
    DcmDataset* ds = file->getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_EnhancedMRImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.9.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.2.1125.9");
    ds->putAndInsertString(DCM_Modality, "MR");
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.9.0");
    ds->putAndInsertString(DCM_FrameOfReferenceUID, "1.2.826.0.1.3680043.2.1125.9.5");
    ds->putAndInsertString(DCM_PatientName, "Test^Enhanced");
    ds->putAndInsertString(DCM_PatientID, "TP-0002");
    ds->putAndInsertString(DCM_NumberOfFrames, std::to_string(N).c_str());
    ds->putAndInsertUint16(DCM_Rows, 4);
    ds->putAndInsertUint16(DCM_Columns, 4);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    DcmItem* shared = nullptr;
    EXPECT_TRUE(ds->findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, shared).good());
    DcmItem* item = nullptr;
    shared->findOrCreateSequenceItem(DCM_PixelMeasuresSequence, item);
    item->putAndInsertString(DCM_PixelSpacing, "0.5\\0.75");
    item->putAndInsertString(DCM_SliceThickness, "2");
    shared->findOrCreateSequenceItem(DCM_PlaneOrientationSequence, item);
    item->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    shared->findOrCreateSequenceItem(DCM_PixelValueTransformationSequence, item);
    item->putAndInsertString(DCM_RescaleSlope, "2");
    item->putAndInsertString(DCM_RescaleIntercept, "-10");
    for (long f = 0; f < long(N); ++f) {
        DcmItem* frame = nullptr;
        EXPECT_TRUE(ds->findOrCreateSequenceItem(DCM_PerFrameFunctionalGroupsSequence, frame, f).good());
        frame->findOrCreateSequenceItem(DCM_PlanePositionSequence, item);
        item->putAndInsertString(DCM_ImagePositionPatient, ("10\\20\\" + std::to_string(z[f])).c_str());
        if (echoes > 1) {
            frame->findOrCreateSequenceItem(DCM_MREchoSequence, item);
            item->putAndInsertString(DCM_EffectiveEchoTime, f % echoes ? "30" : "9.5");
        }
        if (f == 2) {
            frame->findOrCreateSequenceItem(DCM_FrameVOILUTSequence, item);
            item->putAndInsertString(DCM_WindowCenter, "40");
            item->putAndInsertString(DCM_WindowWidth, "400");
        }
    }
    std::vector<Uint16> px(16 * N);
    for (std::size_t f = 0; f < N; ++f)
        std::fill(px.begin() + f * 16, px.begin() + (f + 1) * 16, Uint16(100 + z[f] + 50 * (int(f) % echoes)));
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
    return file;
}

} // namespace delineo::test
