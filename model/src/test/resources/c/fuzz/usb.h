/* USB descriptors, packed as on the wire. */
#pragma once
#include <stdint.h>
#include <stddef.h>

#define USB_DT_DEVICE 0x01
#define USB_DT_CONFIG 0x02
#define USB_MAXINTERFACES 32
#define USB_CLASS_VENDOR_SPEC 0xff
#define USB_DIR_IN 0x80
#define USB_ENDPOINT_NUMBER_MASK 0x0f
#define USB_DT_DEVICE_SIZE sizeof(struct usb_device_descriptor)

#pragma pack(push, 1)
struct usb_descriptor_header { uint8_t bLength; uint8_t bDescriptorType; };
struct usb_device_descriptor {
    uint8_t  bLength;
    uint8_t  bDescriptorType;
    uint16_t bcdUSB;
    uint8_t  bDeviceClass;
    uint8_t  bDeviceSubClass;
    uint8_t  bDeviceProtocol;
    uint8_t  bMaxPacketSize0;
    uint16_t idVendor;
    uint16_t idProduct;
    uint16_t bcdDevice;
    uint8_t  iManufacturer;
    uint8_t  iProduct;
    uint8_t  iSerialNumber;
    uint8_t  bNumConfigurations;
};
#pragma pack(pop)

struct usb_ctrlrequest {
    uint8_t bRequestType;
    uint8_t bRequest;
    uint16_t wValue;
    uint16_t wIndex;
    uint16_t wLength;
} __attribute__((packed));

typedef struct usb_interface_cache {
    unsigned num_altsetting;
    struct usb_descriptor_header *altsetting[USB_MAXINTERFACES];
    char name[USB_DT_DEVICE_SIZE * 2 + 1];
    _Alignas(16) unsigned char scratch[64];
} usb_interface_cache_t;
