#include "delineo/core/ItkVolumeIO.h"
#include "delineo/core/Text.h"
#include "ItkHeaderCheck.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkImageIOBase.h>
#include <itkImageIOFactory.h>
#include <itkMetaDataObject.h>
#include <itkNiftiImageIOFactory.h>
#include <itkNrrdImageIOFactory.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <locale>
#include <mutex>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

void registerFactories()
{
    // Without ITK's use-file no IO factory is registered: do it explicitly, once.
    static std::once_flag once;
    std::call_once(once, [] {
        itk::NiftiImageIOFactory::RegisterOneFactory();
        itk::NrrdImageIOFactory::RegisterOneFactory();
    });
}

template <typename T>
void toFloat(const std::vector<char>& raw, std::size_t n, std::vector<std::uint8_t>& out)
{
    out.resize(n * sizeof(float));
    const T* src = reinterpret_cast<const T*>(raw.data());
    float* dst = reinterpret_cast<float*>(out.data());
    for (std::size_t i = 0; i < n; ++i)
        dst[i] = static_cast<float>(src[i]);
}

} // namespace

bool isItkVolumePath(const std::string& path)
{
    const std::string p = lowercase(path);
    for (const char* ext : {".nii", ".nii.gz", ".nrrd", ".nhdr"})
        if (p.size() > std::strlen(ext) && endsWith(p, ext))
            return true;
    return false;
}

namespace {

// What ITK read: the voxels as stored (components interleaved), their type and the geometry.
struct ItkRaw {
    std::vector<char> bytes;
    int width = 0, height = 0, depth = 1, components = 1;
    itk::IOComponentEnum type = itk::IOComponentEnum::UNKNOWNCOMPONENTTYPE;
    std::string typeName;
    Geometry geometry;
};

ItkRaw readRaw(const std::string& path, std::map<std::string, std::string>* header)
{
    registerFactories();
    if (!fs::exists(path))
        throw ImageError(ErrorCode::NotFound, "file not found: " + path);
    validateItkHeader(path); // before ITK sees it: VNL aborts on a non-finite sform
    itk::ImageIOBase::Pointer io =
        itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::ImageIOFactory::IOFileModeEnum::ReadMode);
    if (!io)
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is not a NIfTI or NRRD file ITK can read");
    ItkRaw raw;
    try {
        io->SetFileName(path);
        io->ReadImageInformation();
        const unsigned dims = io->GetNumberOfDimensions();
        if (dims < 2 || dims > 3)
            throw ImageError(ErrorCode::UnsupportedFormat, path + ": " + std::to_string(dims) + "-D images are not supported");
        // Readers such as NIfTI read only the requested region: ask for all of it.
        itk::ImageIORegion region(dims);
        for (unsigned a = 0; a < dims; ++a) {
            region.SetIndex(a, 0);
            region.SetSize(a, io->GetDimensions(a));
        }
        io->SetIORegion(region);
        raw.bytes.resize(io->GetImageSizeInBytes());
        io->Read(raw.bytes.data());
    } catch (const itk::ExceptionObject& e) {
        throw ImageError(ErrorCode::Corrupt, "cannot read " + path + ": " + e.GetDescription());
    }
    if (header) {
        const itk::MetaDataDictionary& dict = io->GetMetaDataDictionary();
        for (const std::string& key : dict.GetKeys())
            if (std::string value; itk::ExposeMetaData<std::string>(dict, key, value))
                (*header)[key] = value;
    }
    raw.width = static_cast<int>(io->GetDimensions(0));
    raw.height = static_cast<int>(io->GetDimensions(1));
    raw.depth = io->GetNumberOfDimensions() == 3 ? static_cast<int>(io->GetDimensions(2)) : 1;
    raw.components = static_cast<int>(io->GetNumberOfComponents());
    raw.type = io->GetComponentType();
    raw.typeName = io->GetComponentTypeAsString(raw.type);
    auto& g = raw.geometry;
    for (unsigned a = 0; a < std::min(3u, io->GetNumberOfDimensions()); ++a) {
        g.spacing[a] = io->GetSpacing(a);
        g.origin[a] = io->GetOrigin(a);
        const auto dir = io->GetDirection(a); // axis a in patient space
        for (unsigned r = 0; r < std::min<std::size_t>(3, dir.size()); ++r)
            g.direction[a * 3 + r] = dir[r];
    }
    g.spacingKnown = g.placed = true;
    g.sliceSpacingKnown = raw.depth > 1;
    return raw;
}

template <typename T>
void labelsOf(const ItkRaw& raw, const std::string& path, std::vector<std::vector<LabelMap>>& layers)
{
    const T* src = reinterpret_cast<const T*>(raw.bytes.data());
    const std::size_t plane = static_cast<std::size_t>(raw.width) * raw.height;
    const int c = raw.components;
    for (int z = 0; z < raw.depth; ++z)
        for (int l = 0; l < c; ++l) {
            LabelMap m(raw.width, raw.height);
            const T* p = src + plane * z * c + l;
            for (std::size_t i = 0; i < plane; ++i, p += c) {
                const T v = *p;
                if (!(v >= T(0) && v <= T(255)) || static_cast<T>(static_cast<int>(v)) != v)
                    throw ImageError(ErrorCode::UnsupportedFormat, path + " holds values that are not labels 0..255");
                m.labels[i] = static_cast<std::uint8_t>(v);
            }
            layers[std::size_t(l)].push_back(std::move(m));
        }
}

} // namespace

namespace {

// What a copy written by writeItkImage keeps of its DICOM series beyond the voxels: the modality
// and the window it was read with ("delineo CT 35/85"), so that a CT copy opens in its window with
// the CT presets. NIfTI's only writable text field here is aux_file (23 bytes); NRRD keeps the key.
// Other files' text is left alone.
constexpr const char* kNotesKey = "aux_file";
constexpr std::size_t kNotesBytes = 23;
std::string notesOf(const Image& first)
{
    if (first.modality.empty() || first.modality.find_first_of(" /") != std::string::npos)
        return {};
    const std::string bare = "delineo " + first.modality;
    if (first.windows.empty())
        return bare.size() <= kNotesBytes ? bare : std::string();
    // The fewest digits that still fit (a window is whole numbers almost always).
    for (int digits = 6; digits >= 3; --digits) {
        std::ostringstream notes;
        notes.imbue(std::locale::classic());
        notes << std::setprecision(digits) << bare << ' ' << first.windows.front().center << '/' << first.windows.front().width;
        if (notes.str().size() <= kNotesBytes)
            return notes.str();
    }
    return bare.size() <= kNotesBytes ? bare : std::string();
}

void applyNotes(const std::string& notes, Image& slice)
{
    std::istringstream in(notes);
    in.imbue(std::locale::classic());
    std::string tag, modality, window;
    if (!(in >> tag >> modality) || tag != "delineo" || modality.size() > 16)
        return;
    slice.modality = modality;
    if (in >> window) {
        std::istringstream w(window);
        w.imbue(std::locale::classic());
        Window win;
        char slash = 0;
        if (w >> win.center >> slash >> win.width && slash == '/' && std::isfinite(win.center) && std::isfinite(win.width) &&
            win.width > 0) {
            win.name = "File";
            slice.windows = {win};
        }
    }
}

} // namespace

Volume readItkVolume(const std::string& path, std::map<std::string, std::string>* header)
{
    std::map<std::string, std::string> fields;
    ItkRaw raw = readRaw(path, &fields);
    if (header)
        *header = fields;
    const auto notes = fields.find(kNotesKey);
    const int w = raw.width, h = raw.height, d = raw.depth, comps = raw.components;
    if (comps != 1 && comps != 3)
        throw ImageError(ErrorCode::UnsupportedFormat, path + ": " + std::to_string(comps) + " components per voxel");
    Volume v;
    v.source = path;
    v.geometry = raw.geometry;
    const std::size_t plane = static_cast<std::size_t>(w) * h * comps;
    using IOC = itk::IOComponentEnum;
    PixelType type = PixelType::F32;
    // Types kept as they are slice straight out of what ITK read; the others are converted first.
    std::vector<std::uint8_t> converted;
    const std::uint8_t* all = reinterpret_cast<const std::uint8_t*>(raw.bytes.data());
    const std::size_t n = plane * d;
    switch (raw.type) {
    case IOC::UCHAR: type = PixelType::U8; break;
    case IOC::USHORT: type = PixelType::U16; break;
    case IOC::SHORT: type = PixelType::I16; break;
    case IOC::FLOAT: break;
    case IOC::CHAR: toFloat<std::int8_t>(raw.bytes, n, converted); break;
    case IOC::UINT: toFloat<std::uint32_t>(raw.bytes, n, converted); break;
    case IOC::INT: toFloat<std::int32_t>(raw.bytes, n, converted); break;
    case IOC::DOUBLE: toFloat<double>(raw.bytes, n, converted); break;
    default: throw ImageError(ErrorCode::UnsupportedFormat, path + ": voxel type " + raw.typeName);
    }
    if (!converted.empty())
        all = converted.data();
    const std::size_t sliceBytes = plane * bytesPerSample(type);
    for (int z = 0; z < d; ++z) {
        Image s;
        s.width = w;
        s.height = h;
        s.channels = comps;
        s.type = type;
        s.format = lowercase(path).find(".nii") != std::string::npos ? "nifti" : "nrrd";
        s.path = path;
        s.spacingX = v.geometry.spacing[0];
        s.spacingY = v.geometry.spacing[1];
        s.spacingKnown = true;
        s.bytes.assign(all + z * sliceBytes, all + (z + 1) * sliceBytes);
        if (notes != fields.end())
            applyNotes(notes->second, s);
        v.slices.push_back(std::move(s));
    }
    return v;
}

std::vector<std::vector<LabelMap>> readItkLabelLayers(const std::string& path, Geometry* geometry,
                                                      std::map<std::string, std::string>* header)
{
    ItkRaw raw = readRaw(path, header);
    if (geometry)
        *geometry = raw.geometry;
    std::vector<std::vector<LabelMap>> layers(std::size_t(std::max(1, raw.components)));
    using IOC = itk::IOComponentEnum;
    if (raw.type == IOC::UCHAR && raw.components == 1) { // labels as stored: sliced out, nothing to check
        const std::size_t plane = static_cast<std::size_t>(raw.width) * raw.height;
        for (int z = 0; z < raw.depth; ++z) {
            LabelMap m;
            m.width = raw.width;
            m.height = raw.height;
            const auto* from = reinterpret_cast<const std::uint8_t*>(raw.bytes.data()) + plane * z;
            m.labels.assign(from, from + plane);
            layers[0].push_back(std::move(m));
        }
        return layers;
    }
    switch (raw.type) {
    case IOC::UCHAR: labelsOf<std::uint8_t>(raw, path, layers); break;
    case IOC::CHAR: labelsOf<std::int8_t>(raw, path, layers); break;
    case IOC::USHORT: labelsOf<std::uint16_t>(raw, path, layers); break;
    case IOC::SHORT: labelsOf<std::int16_t>(raw, path, layers); break;
    case IOC::UINT: labelsOf<std::uint32_t>(raw, path, layers); break;
    case IOC::INT: labelsOf<std::int32_t>(raw, path, layers); break;
    case IOC::FLOAT: labelsOf<float>(raw, path, layers); break;
    case IOC::DOUBLE: labelsOf<double>(raw, path, layers); break;
    default: throw ImageError(ErrorCode::UnsupportedFormat, path + ": voxel type " + raw.typeName);
    }
    return layers;
}

std::vector<LabelMap> readItkLabels(const std::string& path, Geometry* geometry, std::map<std::string, std::string>* header)
{
    auto layers = readItkLabelLayers(path, geometry, header);
    if (layers.size() != 1)
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is not a label map (more than one component)");
    return std::move(layers.front());
}

namespace {

// One 3D ITK image of `slices` planes filled by `fill(z, plane pointer)`, with the geometry, written
// compressed and atomically.
template <typename T, typename Fill>
void writeItk3d(const std::string& path, int width, int height, int depth, const Geometry& g, Fill fill,
                const std::map<std::string, std::string>& fields = {})
{
    registerFactories();
    using ItkImage = itk::Image<T, 3>;
    auto image = ItkImage::New();
    typename ItkImage::RegionType region;
    region.SetSize({static_cast<itk::SizeValueType>(width), static_cast<itk::SizeValueType>(height),
                    static_cast<itk::SizeValueType>(depth)});
    image->SetRegions(region);
    image->Allocate();
    typename ItkImage::SpacingType spacing;
    typename ItkImage::PointType origin;
    typename ItkImage::DirectionType direction;
    for (unsigned a = 0; a < 3; ++a) {
        spacing[a] = g.spacing[a];
        origin[a] = g.origin[a];
        for (unsigned r = 0; r < 3; ++r)
            direction[r][a] = g.direction[a * 3 + r];
    }
    image->SetSpacing(spacing);
    image->SetOrigin(origin);
    image->SetDirection(direction);
    // NRRD writes these as key:=value lines; NIfTI keeps only a few (aux_file, 23 bytes).
    for (const auto& [key, value] : fields)
        itk::EncapsulateMetaData<std::string>(image->GetMetaDataDictionary(), key, value);
    const std::size_t plane = static_cast<std::size_t>(width) * height;
    for (int z = 0; z < depth; ++z)
        fill(z, image->GetBufferPointer() + static_cast<std::size_t>(z) * plane);
    writeViaTempFile(path, [&](const std::string& tmp) {
        try {
            auto writer = itk::ImageFileWriter<ItkImage>::New();
            writer->SetFileName(tmp);
            writer->SetInput(image);
            writer->UseCompressionOn();
            writer->Update();
        } catch (const itk::ExceptionObject& e) {
            return std::string(e.GetDescription());
        }
        return std::string();
    });
}

} // namespace

void writeItkLabels(const std::string& path, const std::vector<LabelMap>& slices, const Geometry& g,
                    const std::map<std::string, std::string>& fields)
{
    if (slices.empty())
        throw ImageError(ErrorCode::WrongSize, "no slices to write to " + path);
    for (const LabelMap& s : slices)
        if (s.width != slices[0].width || s.height != slices[0].height)
            throw ImageError(ErrorCode::WrongSize, "label slices differ in size");
    writeItk3d<std::uint8_t>(path, slices[0].width, slices[0].height, static_cast<int>(slices.size()), g,
                             [&](int z, std::uint8_t* out) {
                                 const auto& l = slices[static_cast<std::size_t>(z)].labels;
                                 std::copy(l.begin(), l.end(), out);
                             },
                             fields);
}

void writeItkImage(const std::string& path, const Volume& volume)
{
    if (volume.empty())
        throw ImageError(ErrorCode::WrongSize, "no slices to write to " + path);
    if (volume.slice(0).channels != 1)
        throw ImageError(ErrorCode::UnsupportedFormat, path + ": only grey volumes are written as NIfTI/NRRD");
    std::map<std::string, std::string> fields;
    if (const std::string notes = notesOf(volume.slice(0)); !notes.empty())
        fields[kNotesKey] = notes;
    // In the volume's own pixel type: a 16-bit series stays 16-bit (float would double the file).
    const auto write = [&](auto zero) {
        using T = decltype(zero);
        writeItk3d<T>(path, volume.width(), volume.height(), volume.depth(), volume.geometry, [&](int z, T* out) {
            const Image& s = volume.slice(z);
            if (s.width != volume.width() || s.height != volume.height() || s.channels != 1 || s.type != volume.slice(0).type)
                throw ImageError(ErrorCode::WrongSize, path + ": slices differ in size, channels or pixel type");
            for (int y = 0; y < s.height; ++y)
                for (int x = 0; x < s.width; ++x)
                    *out++ = static_cast<T>(s.value(x, y));
        }, fields);
    };
    switch (volume.slice(0).type) {
    case PixelType::U8: write(std::uint8_t{}); break;
    case PixelType::U16: write(std::uint16_t{}); break;
    case PixelType::I16: write(std::int16_t{}); break;
    case PixelType::F32: write(float{}); break;
    }
}

} // namespace delineo::core
